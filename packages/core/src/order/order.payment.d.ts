import { type Actor } from "../account/user.js";
import type { Money } from "../money/money.js";
import { type PaymentError, type RefundDestination, type RefundSettlementError } from "../payment/payment.js";
import { type Result } from "../result.js";
import { type Order, type Transition } from "./order.js";
/**
 * Books money taken for an order under capture reference `ref` (a payment intent, "wallet",
 * "cod"): payment status, a ledger transfer into sales, a timeline entry. The fulfilment
 * status is not touched; callers decide what the payment means for it. For cards the
 * reference is the payment intent, remembered so the money can be refunded there.
 */
export declare function captureOrderPayment(order: Order, input: {
    readonly amount: Money;
    readonly ref: string;
    readonly actor: Actor;
    readonly now: Date;
}): Result<Transition, PaymentError>;
export interface RefundRequest {
    readonly refundId: string;
    readonly amount: Money;
    readonly destination: RefundDestination;
    readonly reason: string;
    readonly actor: Actor;
    readonly now: Date;
}
/** The provider's idempotency key for a refund: a retried call after a crash refunds once. */
export declare const refundProviderKey: (refundId: string) => string;
/**
 * Records a refund in the payment (never beyond what was captured). To the wallet it is paid
 * out at once: posted to the ledger in the same unit of work. To the card it is two steps:
 * this decision reserves the amount and records the refund as `pending` (the order's
 * compare-and-set save is the guard against two admins refunding at once), asks the provider
 * after commit with an idempotency key derived from the refund id, and `settleRefund` books
 * it when the provider confirms.
 */
export declare function issueRefund(order: Order, request: RefundRequest): Result<Transition, PaymentError>;
/**
 * The provider confirmed a pending card refund: it is booked in the ledger (refunds → card
 * clearing) and announced. A repeated confirmation changes nothing (the same order comes back).
 */
export declare function settleRefund(order: Order, input: {
    readonly refundId: string;
    readonly now: Date;
}): Result<Transition, RefundSettlementError>;
/**
 * The provider refused a pending card refund: the reservation is released (the amount may be
 * refunded again, to the card or the wallet) and the timeline says so. Nothing was booked, so
 * nothing is reversed.
 */
export declare function failRefund(order: Order, input: {
    readonly refundId: string;
    readonly reason: string;
    readonly actor: Actor;
    readonly now: Date;
}): Result<Transition, RefundSettlementError>;
/**
 * Gives back everything still refundable to where it came from (cards to the card, wallet
 * and cash to the wallet). Used when a paid order is cancelled or a payment arrives late.
 */
export declare function refundInFull(order: Order, refundId: string, reason: string, actor: Actor, now: Date): Result<Transition, PaymentError>;
export type RefundError = PaymentError | {
    readonly code: "NOT_ALLOWED";
    readonly permission: "refunds.issue";
};
/** An admin's refund (partial or full): needs the `refunds.issue` permission. */
export declare function refundOrder(order: Order, request: RefundRequest): Result<Transition, RefundError>;
/**
 * A declined or abandoned card attempt. Remembered on the timeline and announced to the
 * shopper; the order stays `pending_payment` and payable until it is cancelled or expires.
 */
export declare function recordPaymentFailure(order: Order, input: {
    readonly reason: string;
    readonly providerRef: string | null;
    readonly actor: Actor;
    readonly now: Date;
}): Transition;
//# sourceMappingURL=order.payment.d.ts.map