import { hasPermission } from "../account/user.js";
import { receiptOf, receiptText } from "../cart/receipt.js";
import { outstanding } from "../payment/payment.js";
import { err, ok } from "../result.js";
import { andThen, orderNotification, stockItems } from "./order.js";
import { captureOrderPayment, refundInFull } from "./order.payment.js";
/**
 * The order state machine as data: for each status, the events it accepts, the status they
 * lead to, and who may trigger them. Nothing else in the code base decides which transitions
 * exist. Statuses with no events are terminal.
 */
export const orderTransitions = {
    pending_payment: {
        confirm: { to: "confirmed", by: ["system"] },
        cancel: { to: "cancelled", by: ["shopper", "admin"] },
        expire: { to: "cancelled", by: ["system"] },
        // The provider cancelled the order's payment (intent or order): it can no longer be paid through it.
        payment_cancelled: { to: "cancelled", by: ["system"] },
    },
    confirmed: {
        pack: { to: "packed", by: ["admin"] },
        cancel: { to: "cancelled", by: ["shopper", "admin"] },
    },
    packed: {
        ship: { to: "shipped", by: ["admin"] },
        cancel: { to: "cancelled", by: ["admin"] },
    },
    shipped: { deliver: { to: "delivered", by: ["admin", "system"] } },
    delivered: { request_return: { to: "return_requested", by: ["shopper", "admin"] } },
    return_requested: {
        approve_return: { to: "return_approved", by: ["admin"] },
        reject_return: { to: "return_rejected", by: ["admin"] },
    },
    return_approved: { receive_return: { to: "return_received", by: ["admin"] } },
    return_rejected: {},
    return_received: {},
    cancelled: {},
};
/** The rule for `event` in `status`, or null when the table has no such transition. */
export function ruleFor(status, event) {
    const row = orderTransitions[status];
    return row[event] ?? null;
}
/** The table's row for `status` as a list: each accepted event with its rule. */
export function transitionsFrom(status) {
    const row = orderTransitions[status];
    return Object.entries(row).map(([event, rule]) => ({ event, ...rule }));
}
/** Statuses from which no event leads anywhere. */
export function isTerminal(status) {
    return transitionsFrom(status).length === 0;
}
const DAY_MS = 86_400_000;
function actorGuard(order, actor) {
    if (actor.kind === "shopper" && actor.userId !== order.userId)
        return "not_owner";
    if (actor.kind === "admin" && !hasPermission(actor, "orders.manage"))
        return "missing_permission";
    return null;
}
/** Event-specific guards; each returns why the event may not happen, or null. */
const guards = {
    confirm: (order) => (order.payment.method === "cod" || outstanding(order.payment).minor === 0 ? null : "payment_not_captured"),
    expire: (order, { now }) => {
        if (order.payment.captured.minor > 0)
            return "already_paid";
        return order.expiresAt && now.getTime() >= order.expiresAt.getTime() ? null : "not_expired";
    },
    payment_cancelled: (order) => (order.payment.captured.minor > 0 ? "already_paid" : null),
    request_return: (order, { now, settings }) => {
        const deadline = (order.deliveredAt?.getTime() ?? 0) + settings.returnWindowDays * DAY_MS;
        return now.getTime() <= deadline ? null : "return_window_closed";
    },
};
const done = (order, effects = [], afterCommit = []) => ok({ order, effects, afterCommit });
/** `intentGone`: the provider cancelled the intent itself, so there is nothing left to cancel there. */
function cancelled(order, context, from, intentGone = false) {
    const unpaid = from === "pending_payment";
    const coupon = unpaid && order.couponCode ? [{ type: "release_coupon", couponCode: order.couponCode, userId: order.userId }] : [];
    const intentId = order.payment.providerIntentId;
    const cancelIntent = unpaid && !intentGone && intentId !== null && order.payment.captured.minor === 0
        ? [{ type: "cancel_intent", intentId, idempotencyKey: `order:${order.id}:cancel-intent` }]
        : [];
    const stock = { type: unpaid ? "release_stock" : "restock", items: stockItems(order) };
    const base = {
        order: { ...order, expiresAt: null },
        effects: [stock, ...coupon, orderNotification(order, "order_cancelled", "cancelled")],
        afterCommit: cancelIntent,
    };
    return andThen(base, (o) => refundInFull(o, `${order.id}:cancellation`, "order cancelled", context.actor, context.now));
}
/** What each transition does besides changing the status: fields set and effects to perform. */
const reactions = {
    confirm: (order) => done({ ...order, expiresAt: null }, [{ type: "commit_stock", items: stockItems(order) }, orderNotification(order, "order_confirmed", "confirmed", { receipt: receiptText(receiptOf(order)).join("\n") })]),
    pack: (order) => done(order),
    ship: (order, { carrier, trackingNumber }) => done({ ...order, tracking: { carrier, trackingNumber } }, [orderNotification(order, "order_shipped", "shipped", { carrier, trackingNumber })]),
    deliver: (order, _event, { actor, now }) => {
        const delivered = {
            order: { ...order, deliveredAt: now },
            effects: [orderNotification(order, "order_delivered", "delivered")],
            afterCommit: [],
        };
        const due = outstanding(order.payment);
        if (order.payment.method !== "cod" || due.minor === 0)
            return ok(delivered);
        return andThen(delivered, (o) => captureOrderPayment(o, { amount: due, ref: "cod", actor, now }));
    },
    cancel: (order, { reason }, context, from) => cancelled({ ...order, cancelReason: reason }, context, from),
    expire: (order, _event, context, from) => cancelled({ ...order, cancelReason: "payment not received in time" }, context, from),
    payment_cancelled: (order, _event, context, from) => cancelled({ ...order, cancelReason: "payment cancelled by the payment provider" }, context, from, true),
    request_return: (order, { reason }) => done({ ...order, returnReason: reason }, [orderNotification(order, "return_requested", "return_requested")]),
    approve_return: (order) => done(order, [orderNotification(order, "return_approved", "return_approved")]),
    reject_return: (order, { reason }) => done(order, [orderNotification(order, "return_rejected", "return_rejected", { reason })]),
    receive_return: (order, { restock }) => done({ ...order, restocked: restock }, restock ? [{ type: "restock", items: stockItems(order) }] : []),
};
function noteOf(event) {
    if (event.type === "ship")
        return `${event.carrier} ${event.trackingNumber}`;
    if ("reason" in event)
        return event.reason;
    if (event.type === "receive_return")
        return event.restock ? "restocked" : "not restocked";
    return null;
}
/**
 * Applies an event to an order: the table says whether the transition exists and who may
 * trigger it, the guards say whether it may happen now, and the reaction says what else
 * happens. Returns the order to save (status changed, history entry appended, version
 * incremented) and the effects to perform, or the reason it was refused.
 */
export function applyOrderEvent(order, event, context) {
    const rule = ruleFor(order.status, event.type);
    if (!rule)
        return err({ code: "INVALID_TRANSITION", from: order.status, event: event.type });
    if (!rule.by.includes(context.actor.kind))
        return err({ code: "NOT_ALLOWED", actor: context.actor.kind, event: event.type });
    const reason = actorGuard(order, context.actor) ?? guards[event.type]?.(order, context) ?? null;
    if (reason)
        return err({ code: "GUARD_FAILED", event: event.type, reason });
    const moved = {
        ...order,
        status: rule.to,
        version: order.version + 1,
        history: [
            ...order.history,
            { kind: "status", at: context.now, actor: context.actor, event: event.type, from: order.status, to: rule.to, note: noteOf(event) },
        ],
    };
    const react = reactions[event.type];
    return react(moved, event, context, order.status);
}
/** The events this actor could trigger now, for the buttons a page shows. */
export function availableEvents(order, context) {
    return transitionsFrom(order.status)
        .filter(({ event, by }) => by.includes(context.actor.kind) && !actorGuard(order, context.actor) && !guards[event]?.(order, context))
        .map(({ event }) => event);
}
//# sourceMappingURL=order.machine.js.map