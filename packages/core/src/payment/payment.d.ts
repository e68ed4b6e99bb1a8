import { type Money } from "../money/money.js";
import { type Result } from "../result.js";
export declare const PAYMENT_METHODS: readonly ["wallet", "card", "cod"];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export declare const PAYMENT_STATUSES: readonly ["unpaid", "authorized", "paid", "partially_refunded", "refunded"];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Where refunded money goes: the shopper's wallet, or back to the card charged. */
export declare const REFUND_DESTINATIONS: readonly ["wallet", "card"];
export type RefundDestination = (typeof REFUND_DESTINATIONS)[number];
export interface FailedAttempt {
    readonly at: Date;
    readonly reason: string;
    readonly providerRef: string | null;
}
/**
 * A wallet refund succeeds in the unit of work that records it. A card refund is `pending`
 * from the moment its amount is reserved until the provider confirms it (`succeeded`) or
 * refuses it (`failed`, which gives the amount back to what may still be refunded).
 */
export declare const REFUND_STATUSES: readonly ["pending", "succeeded", "failed"];
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export interface RefundRecord {
    /** Also the provider's idempotency key (`refund:<id>`), so a retried call refunds once. */
    readonly id: string;
    readonly amount: Money;
    readonly destination: RefundDestination;
    readonly reason: string;
    readonly at: Date;
    readonly status: RefundStatus;
    /** When the refund reached `succeeded` or `failed`; null while pending. */
    readonly settledAt: Date | null;
}
/**
 * An order's payment, separate from its fulfilment status. Money amounts are the truth and
 * `status` is derived from them (see `paymentStatusOf`). Invariant: 0 ≤ refunded ≤ captured
 * ≤ amountDue, where `refunded` is the sum of every refund that has not failed — pending
 * card refunds included, so their amount is reserved and cannot be refunded twice. A failed
 * attempt is recorded and leaves the payment open.
 */
export interface Payment {
    readonly method: PaymentMethod;
    readonly status: PaymentStatus;
    readonly amountDue: Money;
    readonly authorized: Money;
    readonly captured: Money;
    readonly refunded: Money;
    readonly providerIntentId: string | null;
    /** Provider references already captured: a repeated webhook is recognised, not re-applied. */
    readonly captureRefs: readonly string[];
    readonly failedAttempts: readonly FailedAttempt[];
    readonly refunds: readonly RefundRecord[];
}
export type PaymentError = {
    readonly code: "INVALID_AMOUNT";
} | {
    readonly code: "OVER_CAPTURE";
    readonly outstanding: Money;
} | {
    readonly code: "REFUND_EXCEEDS_CAPTURED";
    readonly refundable: Money;
} | {
    readonly code: "REFUND_DESTINATION_UNAVAILABLE";
    readonly method: PaymentMethod;
    readonly destination: RefundDestination;
};
export type RefundSettlementError = {
    readonly code: "REFUND_NOT_FOUND";
    readonly refundId: string;
} | {
    readonly code: "REFUND_NOT_PENDING";
    readonly refundId: string;
    readonly status: RefundStatus;
};
/** Status from amounts, so it can never disagree with them. */
export declare function paymentStatusOf(p: Omit<Payment, "status">): PaymentStatus;
/** A new, unpaid payment for `amountDue`. */
export declare function newPayment(method: PaymentMethod, amountDue: Money): Payment;
/** Remembers the provider's payment intent, so it can be cancelled or refunded later. */
export declare function attachIntent(p: Payment, intentId: string): Payment;
/** Amount still to be captured. */
export declare function outstanding(p: Payment): Money;
/** Amount that can still be refunded: captured minus refunded. */
export declare function refundable(p: Payment): Money;
/** True when `ref` was already captured: the caller treats the event as a harmless repeat. */
export declare function isCaptured(p: Payment, ref: string): boolean;
/** Records money held but not taken (manual-capture cards). */
export declare function authorize(p: Payment, amount: Money): Result<Payment, PaymentError>;
/**
 * Records money taken under provider reference `ref`. Never more than is due: a capture
 * beyond the outstanding amount is refused so the ledger never books more than the order.
 */
export declare function capture(p: Payment, amount: Money, ref: string): Result<Payment, PaymentError>;
/** A declined or abandoned attempt: remembered for the timeline, the order stays payable. */
export declare function recordFailure(p: Payment, attempt: FailedAttempt): Payment;
/** Destinations a refund may go to: cash and wallet payments come back to the wallet. */
export declare function refundDestinations(method: PaymentMethod): readonly RefundDestination[];
/**
 * Records a refund (succeeded, or pending until the provider confirms). Invariant: the sum
 * of refunds that have not failed never exceeds what was captured; the destination must suit
 * the method (a cash payment cannot go back to a card).
 */
export declare function recordRefund(p: Payment, refund: RefundRecord): Result<Payment, PaymentError>;
/** A refund that has not reached a final status yet. */
export declare function pendingRefund(p: Payment, refundId: string): RefundRecord | null;
/**
 * The provider confirmed a pending refund. Confirming one already succeeded is a harmless
 * repeat ("unchanged"); confirming one that failed is refused.
 */
export declare function settleRefundRecord(p: Payment, refundId: string, at: Date): Result<{
    payment: Payment;
    refund: RefundRecord;
} | "unchanged", RefundSettlementError>;
/** The provider refused a pending refund: its reservation is released, so the amount may be refunded again. */
export declare function failRefundRecord(p: Payment, refundId: string, at: Date): Result<{
    payment: Payment;
    refund: RefundRecord;
} | "unchanged", RefundSettlementError>;
//# sourceMappingURL=payment.d.ts.map