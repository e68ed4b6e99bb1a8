import type { Money } from "../money/money.js";
import { type Result } from "../result.js";
import type { OrderError } from "./order.machine.js";
import { type Order, type OrderStatus, type ProviderCall, type Transition } from "./order.js";
import { type WalletPaymentError } from "./order.settlement.js";
import { type PlaceOrderError, type PlaceOrderInput } from "./place.js";
export type CheckoutError = PlaceOrderError | WalletPaymentError | OrderError;
/**
 * Checkout's whole decision: place the order, then take what placement can take at once — a wallet
 * order is paid from `walletBalance` (loaded only for wallet orders) and confirmed, a cash-on-delivery
 * order is accepted and confirmed; a card order waits for the provider (its intent is the
 * transition's `afterCommit`). The guarded writes of the effects still have the last word.
 */
export declare function checkout(input: PlaceOrderInput & {
    readonly walletBalance: Money | null;
}): Result<Transition, CheckoutError>;
/**
 * The provider calls a checkout's answer needs, for a placement replayed later: a card order that
 * has its intent, or still awaits payment of a non-zero total, answers with that intent's client
 * secret (the call's idempotency key finds the same intent); any other order needs none.
 */
export declare function replayedCheckoutCalls(order: Order): readonly ProviderCall[];
/**
 * The status an order reached in the checkout that placed it (confirmed for wallet and cash on
 * delivery), whatever happened to it since: a replayed checkout answers with it, as the first did.
 */
export declare function statusAtPlacement(order: Order): OrderStatus;
//# sourceMappingURL=checkout.d.ts.map