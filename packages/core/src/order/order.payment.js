import { hasPermission } from "../account/user.js";
import { capture, failRefundRecord, recordFailure, recordRefund, refundable, settleRefundRecord, } from "../payment/payment.js";
import { err, ok } from "../result.js";
import { PLATFORM_ACCOUNTS, walletAccount } from "../wallet/accounts.js";
import { orderPaymentTransfer, refundTransfer } from "../wallet/transfer.js";
import { orderNotification } from "./order.js";
/** Where a shopper's money comes from for each method. */
function paymentSource(method, userId) {
    if (method === "wallet")
        return walletAccount(userId);
    return method === "card" ? PLATFORM_ACCOUNTS.cardClearing : PLATFORM_ACCOUNTS.codReceivable;
}
/**
 * Books money taken for an order under capture reference `ref` (a payment intent, "wallet",
 * "cod"): payment status, a ledger transfer into sales, a timeline entry. The fulfilment
 * status is not touched; callers decide what the payment means for it. For cards the
 * reference is the payment intent, remembered so the money can be refunded there.
 */
export function captureOrderPayment(order, input) {
    const payment = capture(order.payment, input.amount, input.ref);
    if (!payment.ok)
        return payment;
    const providerIntentId = order.payment.providerIntentId ?? (order.payment.method === "card" ? input.ref : null);
    const transfer = orderPaymentTransfer({
        id: `order:${order.id}:capture:${input.ref}`,
        from: paymentSource(order.payment.method, order.userId),
        amount: input.amount,
        orderId: order.id,
        kind: order.payment.method === "cod" ? "cod_collection" : "order_payment",
        now: input.now,
    });
    return ok({
        order: {
            ...order,
            payment: { ...payment.value, providerIntentId },
            version: order.version + 1,
            history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "captured", amount: input.amount, note: input.ref }],
        },
        effects: [{ type: "post_transfers", transfers: [transfer] }],
        afterCommit: [],
    });
}
/** The provider's idempotency key for a refund: a retried call after a crash refunds once. */
export const refundProviderKey = (refundId) => `refund:${refundId}`;
/** The ledger transfer and the shopper's notice for a refund whose money has moved. */
function refundPaidOut(order, refund, now) {
    const to = refund.destination === "wallet" ? walletAccount(order.userId) : PLATFORM_ACCOUNTS.cardClearing;
    return [
        { type: "post_transfers", transfers: [refundTransfer({ refundId: refund.id, to, amount: refund.amount, orderId: order.id, now })] },
        orderNotification(order, "refund_issued", `refund:${refund.id}`, { amountMinor: String(refund.amount.minor), destination: refund.destination }),
    ];
}
/**
 * Records a refund in the payment (never beyond what was captured). To the wallet it is paid
 * out at once: posted to the ledger in the same unit of work. To the card it is two steps:
 * this decision reserves the amount and records the refund as `pending` (the order's
 * compare-and-set save is the guard against two admins refunding at once), asks the provider
 * after commit with an idempotency key derived from the refund id, and `settleRefund` books
 * it when the provider confirms.
 */
export function issueRefund(order, request) {
    const intentId = order.payment.providerIntentId;
    if (request.destination === "card" && intentId === null) {
        return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: order.payment.method, destination: "card" });
    }
    const { refundId, amount, destination, reason, now } = request;
    const toCard = intentId !== null && destination === "card";
    const refund = { id: refundId, amount, destination, reason, at: now, status: toCard ? "pending" : "succeeded", settledAt: toCard ? null : now };
    const payment = recordRefund(order.payment, refund);
    if (!payment.ok)
        return payment;
    const next = {
        ...order,
        payment: payment.value,
        version: order.version + 1,
        history: [...order.history, { kind: "payment", at: now, actor: request.actor, event: "refunded", amount, note: reason }],
    };
    return ok({
        order: next,
        effects: toCard ? [] : refundPaidOut(next, refund, now),
        afterCommit: toCard ? [{ type: "refund", intentId, refundId, amount, idempotencyKey: refundProviderKey(refundId) }] : [],
    });
}
/**
 * The provider confirmed a pending card refund: it is booked in the ledger (refunds → card
 * clearing) and announced. A repeated confirmation changes nothing (the same order comes back).
 */
export function settleRefund(order, input) {
    const settled = settleRefundRecord(order.payment, input.refundId, input.now);
    if (!settled.ok)
        return settled;
    if (settled.value === "unchanged")
        return ok({ order, effects: [], afterCommit: [] });
    const next = { ...order, payment: settled.value.payment, version: order.version + 1 };
    return ok({ order: next, effects: refundPaidOut(next, settled.value.refund, input.now), afterCommit: [] });
}
/**
 * The provider refused a pending card refund: the reservation is released (the amount may be
 * refunded again, to the card or the wallet) and the timeline says so. Nothing was booked, so
 * nothing is reversed.
 */
export function failRefund(order, input) {
    const failed = failRefundRecord(order.payment, input.refundId, input.now);
    if (!failed.ok)
        return failed;
    if (failed.value === "unchanged")
        return ok({ order, effects: [], afterCommit: [] });
    const { payment, refund } = failed.value;
    const next = {
        ...order,
        payment,
        version: order.version + 1,
        history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "failed", amount: refund.amount, note: `refund failed: ${input.reason}` }],
    };
    return ok({ order: next, effects: [], afterCommit: [] });
}
/**
 * Gives back everything still refundable to where it came from (cards to the card, wallet
 * and cash to the wallet). Used when a paid order is cancelled or a payment arrives late.
 */
export function refundInFull(order, refundId, reason, actor, now) {
    const amount = refundable(order.payment);
    if (amount.minor === 0)
        return ok({ order, effects: [], afterCommit: [] });
    const destination = order.payment.method === "card" ? "card" : "wallet";
    return issueRefund(order, { refundId, amount, destination, reason, actor, now });
}
/** An admin's refund (partial or full): needs the `refunds.issue` permission. */
export function refundOrder(order, request) {
    if (!hasPermission(request.actor, "refunds.issue"))
        return err({ code: "NOT_ALLOWED", permission: "refunds.issue" });
    return issueRefund(order, request);
}
/**
 * A declined or abandoned card attempt. Remembered on the timeline and announced to the
 * shopper; the order stays `pending_payment` and payable until it is cancelled or expires.
 */
export function recordPaymentFailure(order, input) {
    const next = {
        ...order,
        payment: recordFailure(order.payment, { at: input.now, reason: input.reason, providerRef: input.providerRef }),
        version: order.version + 1,
        history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "failed", amount: null, note: input.reason }],
    };
    const attempt = String(next.payment.failedAttempts.length);
    return { order: next, effects: [orderNotification(next, "payment_failed", `payment_failed:${attempt}`, { reason: input.reason })], afterCommit: [] };
}
//# sourceMappingURL=order.payment.js.map