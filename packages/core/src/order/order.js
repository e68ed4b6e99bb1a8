import { allOf } from "../enum.js";
import { ok } from "../result.js";
export const ORDER_STATUSES = [
    "pending_payment",
    "confirmed",
    "packed",
    "shipped",
    "delivered",
    "cancelled",
    "return_requested",
    "return_approved",
    "return_rejected",
    "return_received",
];
export const ORDER_EVENT_TYPES = [
    "confirm",
    "pack",
    "ship",
    "deliver",
    "cancel",
    "expire",
    "payment_cancelled",
    "request_return",
    "approve_return",
    "reject_return",
    "receive_return",
];
/** What a status entry of the timeline records: placement, then the machine's events. */
export const ORDER_STATUS_EVENTS = ["place", ...ORDER_EVENT_TYPES];
/** What a payment entry of the timeline records. */
export const PAYMENT_EVENTS = ["captured", "failed", "refunded"];
export const HISTORY_KINDS = allOf()(["status", "payment"]);
/** What every order number starts with; the sequence after it is the store's, one per placed order. */
export const ORDER_NUMBER_PREFIX = "BB-";
/**
 * The number people read for the `sequence`-th order (1, 2, …): counted from 10001 so every
 * number has the same five digits for a long while and does not look like a first order.
 */
export function orderNumber(sequence) {
    if (!Number.isSafeInteger(sequence) || sequence < 1)
        throw new RangeError(`orderNumber: ${sequence} is not a sequence number`);
    return `${ORDER_NUMBER_PREFIX}${10000 + sequence}`;
}
/** The stock an order's lines hold. */
export function stockItems(order) {
    return order.lines.map((line) => ({ variantId: line.variantId, sku: line.sku, quantity: line.quantity }));
}
/** A notification about this order, deduplicated by order id and `event`. */
export function orderNotification(order, template, event, data = {}) {
    return {
        type: "notify",
        notification: { template, userId: order.userId, dedupeKey: `order:${order.id}:${event}`, data: { orderId: order.id, orderNumber: order.number, ...data } },
    };
}
/** Runs `next` on the order a transition produced and joins their effects in order. */
export function andThen(first, next) {
    const second = next(first.order);
    if (!second.ok)
        return second;
    return ok({
        order: second.value.order,
        effects: [...first.effects, ...second.value.effects],
        afterCommit: [...first.afterCommit, ...second.value.afterCommit],
    });
}
//# sourceMappingURL=order.js.map