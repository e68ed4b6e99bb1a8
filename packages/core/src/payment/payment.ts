import { add, subtract, zero, type Money } from "../money/money.js";
import { err, expectOk, ok, type Result } from "../result.js";

export const PAYMENT_METHODS = ["wallet", "card", "cod"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = ["unpaid", "authorized", "paid", "partially_refunded", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Where refunded money goes: the shopper's wallet, or back to the card charged. */
export const REFUND_DESTINATIONS = ["wallet", "card"] as const;
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
export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;
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

export type PaymentError =
  | { readonly code: "INVALID_AMOUNT" }
  | { readonly code: "OVER_CAPTURE"; readonly outstanding: Money }
  | { readonly code: "REFUND_EXCEEDS_CAPTURED"; readonly refundable: Money }
  | { readonly code: "REFUND_DESTINATION_UNAVAILABLE"; readonly method: PaymentMethod; readonly destination: RefundDestination };

export type RefundSettlementError =
  | { readonly code: "REFUND_NOT_FOUND"; readonly refundId: string }
  | { readonly code: "REFUND_NOT_PENDING"; readonly refundId: string; readonly status: RefundStatus };

/** Status from amounts, so it can never disagree with them. */
export function paymentStatusOf(p: Omit<Payment, "status">): PaymentStatus {
  if (p.captured.minor === 0) return p.authorized.minor > 0 ? "authorized" : "unpaid";
  if (p.refunded.minor === 0) return "paid";
  return p.refunded.minor < p.captured.minor ? "partially_refunded" : "refunded";
}

function settle(p: Omit<Payment, "status">): Payment {
  return { ...p, status: paymentStatusOf(p) };
}

/** A new, unpaid payment for `amountDue`. */
export function newPayment(method: PaymentMethod, amountDue: Money): Payment {
  const nothing = zero(amountDue.currency);
  return settle({
    method,
    amountDue,
    authorized: nothing,
    captured: nothing,
    refunded: nothing,
    providerIntentId: null,
    captureRefs: [],
    failedAttempts: [],
    refunds: [],
  });
}

/** Remembers the provider's payment intent, so it can be cancelled or refunded later. */
export function attachIntent(p: Payment, intentId: string): Payment {
  return { ...p, providerIntentId: intentId };
}

/** Amount still to be captured. */
export function outstanding(p: Payment): Money {
  return expectOk(subtract(p.amountDue, p.captured), "outstanding");
}

/** Amount that can still be refunded: captured minus refunded. */
export function refundable(p: Payment): Money {
  return expectOk(subtract(p.captured, p.refunded), "refundable");
}

/** True when `ref` was already captured: the caller treats the event as a harmless repeat. */
export function isCaptured(p: Payment, ref: string): boolean {
  return p.captureRefs.includes(ref);
}

/** Records money held but not taken (manual-capture cards). */
export function authorize(p: Payment, amount: Money): Result<Payment, PaymentError> {
  if (amount.minor <= 0 || amount.currency !== p.amountDue.currency) return err({ code: "INVALID_AMOUNT" });
  if (amount.minor > outstanding(p).minor) return err({ code: "OVER_CAPTURE", outstanding: outstanding(p) });
  return ok(settle({ ...p, authorized: amount }));
}

/**
 * Records money taken under provider reference `ref`. Never more than is due: a capture
 * beyond the outstanding amount is refused so the ledger never books more than the order.
 */
export function capture(p: Payment, amount: Money, ref: string): Result<Payment, PaymentError> {
  if (amount.minor <= 0 || amount.currency !== p.amountDue.currency) return err({ code: "INVALID_AMOUNT" });
  if (amount.minor > outstanding(p).minor) return err({ code: "OVER_CAPTURE", outstanding: outstanding(p) });
  const captured = expectOk(add(p.captured, amount), "capture");
  return ok(settle({ ...p, captured, authorized: zero(amount.currency), captureRefs: [...p.captureRefs, ref] }));
}

/** A declined or abandoned attempt: remembered for the timeline, the order stays payable. */
export function recordFailure(p: Payment, attempt: FailedAttempt): Payment {
  return { ...p, failedAttempts: [...p.failedAttempts, attempt] };
}

/** Destinations a refund may go to: cash and wallet payments come back to the wallet. */
export function refundDestinations(method: PaymentMethod): readonly RefundDestination[] {
  return method === "card" ? ["card", "wallet"] : ["wallet"];
}

/**
 * Records a refund (succeeded, or pending until the provider confirms). Invariant: the sum
 * of refunds that have not failed never exceeds what was captured; the destination must suit
 * the method (a cash payment cannot go back to a card).
 */
export function recordRefund(p: Payment, refund: RefundRecord): Result<Payment, PaymentError> {
  if (refund.amount.minor <= 0 || refund.amount.currency !== p.captured.currency) return err({ code: "INVALID_AMOUNT" });
  if (!refundDestinations(p.method).includes(refund.destination)) {
    return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: p.method, destination: refund.destination });
  }
  const left = refundable(p);
  if (refund.amount.minor > left.minor) return err({ code: "REFUND_EXCEEDS_CAPTURED", refundable: left });
  return ok(settle({ ...p, refunded: expectOk(add(p.refunded, refund.amount), "recordRefund"), refunds: [...p.refunds, refund] }));
}

/** A refund that has not reached a final status yet. */
export function pendingRefund(p: Payment, refundId: string): RefundRecord | null {
  return p.refunds.find((r) => r.id === refundId && r.status === "pending") ?? null;
}

function finishRefund(
  p: Payment,
  refundId: string,
  status: "succeeded" | "failed",
  at: Date,
): Result<{ payment: Payment; refund: RefundRecord } | "unchanged", RefundSettlementError> {
  const refund = p.refunds.find((r) => r.id === refundId);
  if (!refund) return err({ code: "REFUND_NOT_FOUND", refundId });
  if (refund.status === status) return ok("unchanged");
  if (refund.status !== "pending") return err({ code: "REFUND_NOT_PENDING", refundId, status: refund.status });
  const finished: RefundRecord = { ...refund, status, settledAt: at };
  const refunds = p.refunds.map((r) => (r.id === refundId ? finished : r));
  const refunded = status === "failed" ? expectOk(subtract(p.refunded, refund.amount), "failRefund") : p.refunded;
  return ok({ payment: settle({ ...p, refunds, refunded }), refund: finished });
}

/**
 * The provider confirmed a pending refund. Confirming one already succeeded is a harmless
 * repeat ("unchanged"); confirming one that failed is refused.
 */
export function settleRefundRecord(p: Payment, refundId: string, at: Date) {
  return finishRefund(p, refundId, "succeeded", at);
}

/** The provider refused a pending refund: its reservation is released, so the amount may be refunded again. */
export function failRefundRecord(p: Payment, refundId: string, at: Date) {
  return finishRefund(p, refundId, "failed", at);
}
