import type { Address } from "../account/user.js";
import type { Totals } from "../cart/pricing.js";
import { type PaymentMethod } from "../payment/payment.js";
import { type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { type Order, type ProviderCall, type Transition } from "./order.js";
export type PlaceOrderError = {
    readonly code: "EMPTY_CART";
} | {
    readonly code: "COD_UNAVAILABLE";
} | {
    readonly code: "CURRENCY_MISMATCH";
    readonly expected: string;
    readonly actual: string;
};
export interface PlaceOrderInput {
    readonly orderId: string;
    /** The store's next order number (`orderNumber(sequence)`), allocated in the placing unit of work. */
    readonly orderNumber: string;
    readonly userId: string;
    /** From `reviewCart` with no problems: the amounts the order keeps for good. */
    readonly totals: Totals;
    readonly address: Address;
    readonly paymentMethod: PaymentMethod;
    readonly idempotencyKey: string;
    readonly now: Date;
    readonly settings: StoreSettings;
}
/**
 * Turns a reviewed cart into an order awaiting payment. Effects: reserve the stock (the
 * adapter's guarded reservation is what makes overselling impossible), redeem the coupon,
 * announce the order. A card order also asks for a payment intent after commit. The order
 * expires `paymentExpiryMinutes` later unless it is paid (wallet) or accepted (cash on
 * delivery) first.
 */
export declare function placeOrder(input: PlaceOrderInput): Result<Transition, PlaceOrderError>;
/**
 * The provider call that creates a card order's payment intent. Its idempotency key depends on
 * the order alone, so repeating the call (a replayed checkout, a crash before the intent was
 * attached) returns the same intent instead of a second one.
 */
export declare function intentCallFor(order: Order): ProviderCall & {
    readonly type: "create_intent";
};
/** Remembers the provider's intent on the order once it exists (after the placement commit). */
export declare function attachPaymentIntent(order: Order, intentId: string): Order;
//# sourceMappingURL=place.d.ts.map