import { add, subtract, zero } from "../money/money.js";
import { err, expectOk, ok } from "../result.js";
export const PAYMENT_METHODS = ["wallet", "card", "cod"];
export const PAYMENT_STATUSES = ["unpaid", "authorized", "paid", "partially_refunded", "refunded"];
/** Where refunded money goes: the shopper's wallet, or back to the card charged. */
export const REFUND_DESTINATIONS = ["wallet", "card"];
/**
 * A wallet refund succeeds in the unit of work that records it. A card refund is `pending`
 * from the moment its amount is reserved until the provider confirms it (`succeeded`) or
 * refuses it (`failed`, which gives the amount back to what may still be refunded).
 */
export const REFUND_STATUSES = ["pending", "succeeded", "failed"];
/** Status from amounts, so it can never disagree with them. */
export function paymentStatusOf(p) {
    if (p.captured.minor === 0)
        return p.authorized.minor > 0 ? "authorized" : "unpaid";
    if (p.refunded.minor === 0)
        return "paid";
    return p.refunded.minor < p.captured.minor ? "partially_refunded" : "refunded";
}
function settle(p) {
    return { ...p, status: paymentStatusOf(p) };
}
/** A new, unpaid payment for `amountDue`. */
export function newPayment(method, amountDue) {
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
export function attachIntent(p, intentId) {
    return { ...p, providerIntentId: intentId };
}
/** Amount still to be captured. */
export function outstanding(p) {
    return expectOk(subtract(p.amountDue, p.captured), "outstanding");
}
/** Amount that can still be refunded: captured minus refunded. */
export function refundable(p) {
    return expectOk(subtract(p.captured, p.refunded), "refundable");
}
/** True when `ref` was already captured: the caller treats the event as a harmless repeat. */
export function isCaptured(p, ref) {
    return p.captureRefs.includes(ref);
}
/** Records money held but not taken (manual-capture cards). */
export function authorize(p, amount) {
    if (amount.minor <= 0 || amount.currency !== p.amountDue.currency)
        return err({ code: "INVALID_AMOUNT" });
    if (amount.minor > outstanding(p).minor)
        return err({ code: "OVER_CAPTURE", outstanding: outstanding(p) });
    return ok(settle({ ...p, authorized: amount }));
}
/**
 * Records money taken under provider reference `ref`. Never more than is due: a capture
 * beyond the outstanding amount is refused so the ledger never books more than the order.
 */
export function capture(p, amount, ref) {
    if (amount.minor <= 0 || amount.currency !== p.amountDue.currency)
        return err({ code: "INVALID_AMOUNT" });
    if (amount.minor > outstanding(p).minor)
        return err({ code: "OVER_CAPTURE", outstanding: outstanding(p) });
    const captured = expectOk(add(p.captured, amount), "capture");
    return ok(settle({ ...p, captured, authorized: zero(amount.currency), captureRefs: [...p.captureRefs, ref] }));
}
/** A declined or abandoned attempt: remembered for the timeline, the order stays payable. */
export function recordFailure(p, attempt) {
    return { ...p, failedAttempts: [...p.failedAttempts, attempt] };
}
/** Destinations a refund may go to: cash and wallet payments come back to the wallet. */
export function refundDestinations(method) {
    return method === "card" ? ["card", "wallet"] : ["wallet"];
}
/**
 * Records a refund (succeeded, or pending until the provider confirms). Invariant: the sum
 * of refunds that have not failed never exceeds what was captured; the destination must suit
 * the method (a cash payment cannot go back to a card).
 */
export function recordRefund(p, refund) {
    if (refund.amount.minor <= 0 || refund.amount.currency !== p.captured.currency)
        return err({ code: "INVALID_AMOUNT" });
    if (!refundDestinations(p.method).includes(refund.destination)) {
        return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: p.method, destination: refund.destination });
    }
    const left = refundable(p);
    if (refund.amount.minor > left.minor)
        return err({ code: "REFUND_EXCEEDS_CAPTURED", refundable: left });
    return ok(settle({ ...p, refunded: expectOk(add(p.refunded, refund.amount), "recordRefund"), refunds: [...p.refunds, refund] }));
}
/** A refund that has not reached a final status yet. */
export function pendingRefund(p, refundId) {
    return p.refunds.find((r) => r.id === refundId && r.status === "pending") ?? null;
}
function finishRefund(p, refundId, status, at) {
    const refund = p.refunds.find((r) => r.id === refundId);
    if (!refund)
        return err({ code: "REFUND_NOT_FOUND", refundId });
    if (refund.status === status)
        return ok("unchanged");
    if (refund.status !== "pending")
        return err({ code: "REFUND_NOT_PENDING", refundId, status: refund.status });
    const finished = { ...refund, status, settledAt: at };
    const refunds = p.refunds.map((r) => (r.id === refundId ? finished : r));
    const refunded = status === "failed" ? expectOk(subtract(p.refunded, refund.amount), "failRefund") : p.refunded;
    return ok({ payment: settle({ ...p, refunds, refunded }), refund: finished });
}
/**
 * The provider confirmed a pending refund. Confirming one already succeeded is a harmless
 * repeat ("unchanged"); confirming one that failed is refused.
 */
export function settleRefundRecord(p, refundId, at) {
    return finishRefund(p, refundId, "succeeded", at);
}
/** The provider refused a pending refund: its reservation is released, so the amount may be refunded again. */
export function failRefundRecord(p, refundId, at) {
    return finishRefund(p, refundId, "failed", at);
}
//# sourceMappingURL=payment.js.map