import type { Actor } from "../account/user.js";
import type { Money } from "../money/money.js";
import { type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { type OrderError } from "./order.machine.js";
import { type Order, type Transition } from "./order.js";
/**
 * The provider says money for this order was taken (a verified webhook, or reconciliation).
 * Safe to repeat and to receive out of order: a reference already captured changes nothing;
 * a pending order is confirmed once fully paid; money arriving for an order that was
 * cancelled meanwhile is refunded in full at once, so no shopper pays for nothing.
 */
export declare function recordPaymentSuccess(order: Order, input: {
    readonly amount: Money;
    readonly ref: string;
    readonly actor: Actor;
    readonly now: Date;
    readonly settings: Pick<StoreSettings, "returnWindowDays">;
}): Result<Transition, OrderError>;
export type WalletPaymentError = OrderError | {
    readonly code: "INSUFFICIENT_FUNDS";
    readonly balance: Money;
    readonly amount: Money;
};
/**
 * Pays a pending wallet order from the shopper's balance and confirms it. The balance check
 * here gives the shopper a clear answer; the guarded debit when the transfer is posted is
 * what actually prevents a negative wallet under concurrency.
 */
export declare function payWithWallet(order: Order, input: {
    readonly balance: Money;
    readonly actor: Actor;
    readonly now: Date;
    readonly settings: Pick<StoreSettings, "returnWindowDays">;
}): Result<Transition, WalletPaymentError>;
//# sourceMappingURL=order.settlement.d.ts.map