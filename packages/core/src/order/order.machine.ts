import { hasPermission, type Actor, type ActorKind } from "../account/user.js";
import { receiptOf, receiptText } from "../cart/receipt.js";
import { outstanding } from "../payment/payment.js";
import type { PaymentError } from "../payment/payment.js";
import { err, ok, type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { andThen, orderNotification, stockItems, type Effect, type Order, type OrderEventType, type OrderStatus, type ProviderCall, type Transition } from "./order.js";
import { captureOrderPayment, refundInFull } from "./order.payment.js";

/** Something that happens to an order; the data each event carries is what its transition needs. */
export type OrderEvent =
  | { readonly type: "confirm" }
  | { readonly type: "pack" }
  | { readonly type: "ship"; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: "deliver" }
  | { readonly type: "cancel"; readonly reason: string }
  | { readonly type: "expire" }
  | { readonly type: "payment_cancelled" }
  | { readonly type: "request_return"; readonly reason: string }
  | { readonly type: "approve_return" }
  | { readonly type: "reject_return"; readonly reason: string }
  | { readonly type: "receive_return"; readonly restock: boolean };

interface Rule {
  readonly to: OrderStatus;
  readonly by: readonly ActorKind[];
}

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
} as const satisfies { readonly [S in OrderStatus]: Row };

type Row = { readonly [E in OrderEventType]?: Rule };

/** The rule for `event` in `status`, or null when the table has no such transition. */
export function ruleFor(status: OrderStatus, event: OrderEventType): Rule | null {
  const row: Row = orderTransitions[status];
  return row[event] ?? null;
}

/** The table's row for `status` as a list: each accepted event with its rule. */
export function transitionsFrom(status: OrderStatus): { readonly event: OrderEventType; readonly to: OrderStatus; readonly by: readonly ActorKind[] }[] {
  const row: Row = orderTransitions[status];
  return (Object.entries(row) as [OrderEventType, Rule][]).map(([event, rule]) => ({ event, ...rule }));
}

/** Statuses from which no event leads anywhere. */
export function isTerminal(status: OrderStatus): boolean {
  return transitionsFrom(status).length === 0;
}

export interface DecisionContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly settings: Pick<StoreSettings, "returnWindowDays">;
}

/** Why a guard refused an event; listed so the REST document can name each refusal an operation may give. */
export const GUARD_REASONS = ["not_owner", "missing_permission", "payment_not_captured", "already_paid", "not_expired", "return_window_closed"] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

export type OrderError =
  | { readonly code: "INVALID_TRANSITION"; readonly from: OrderStatus; readonly event: OrderEventType }
  | { readonly code: "NOT_ALLOWED"; readonly actor: ActorKind; readonly event: OrderEventType }
  | { readonly code: "GUARD_FAILED"; readonly event: OrderEventType; readonly reason: GuardReason }
  | PaymentError;

const DAY_MS = 86_400_000;

function actorGuard(order: Order, actor: Actor): GuardReason | null {
  if (actor.kind === "shopper" && actor.userId !== order.userId) return "not_owner";
  if (actor.kind === "admin" && !hasPermission(actor, "orders.manage")) return "missing_permission";
  return null;
}

/** Event-specific guards; each returns why the event may not happen, or null. */
const guards: { readonly [E in OrderEventType]?: (order: Order, context: DecisionContext) => GuardReason | null } = {
  confirm: (order) => (order.payment.method === "cod" || outstanding(order.payment).minor === 0 ? null : "payment_not_captured"),
  expire: (order, { now }) => {
    if (order.payment.captured.minor > 0) return "already_paid";
    return order.expiresAt && now.getTime() >= order.expiresAt.getTime() ? null : "not_expired";
  },
  payment_cancelled: (order) => (order.payment.captured.minor > 0 ? "already_paid" : null),
  request_return: (order, { now, settings }) => {
    const deadline = (order.deliveredAt?.getTime() ?? 0) + settings.returnWindowDays * DAY_MS;
    return now.getTime() <= deadline ? null : "return_window_closed";
  },
};

type Reaction<E extends OrderEvent> = (order: Order, event: E, context: DecisionContext, from: OrderStatus) => Result<Transition, PaymentError>;

const done = (order: Order, effects: Effect[] = [], afterCommit: ProviderCall[] = []): Result<Transition, PaymentError> =>
  ok({ order, effects, afterCommit });

/** `intentGone`: the provider cancelled the intent itself, so there is nothing left to cancel there. */
function cancelled(order: Order, context: DecisionContext, from: OrderStatus, intentGone = false): Result<Transition, PaymentError> {
  const unpaid = from === "pending_payment";
  const coupon: Effect[] = unpaid && order.couponCode ? [{ type: "release_coupon", couponCode: order.couponCode, userId: order.userId }] : [];
  const intentId = order.payment.providerIntentId;
  const cancelIntent: ProviderCall[] =
    unpaid && !intentGone && intentId !== null && order.payment.captured.minor === 0
      ? [{ type: "cancel_intent", intentId, idempotencyKey: `order:${order.id}:cancel-intent` }]
      : [];
  const stock: Effect = { type: unpaid ? "release_stock" : "restock", items: stockItems(order) };
  const base: Transition = {
    order: { ...order, expiresAt: null },
    effects: [stock, ...coupon, orderNotification(order, "order_cancelled", "cancelled")],
    afterCommit: cancelIntent,
  };
  return andThen(base, (o) => refundInFull(o, `${order.id}:cancellation`, "order cancelled", context.actor, context.now));
}

/** What each transition does besides changing the status: fields set and effects to perform. */
const reactions: { readonly [E in OrderEvent as E["type"]]: Reaction<E> } = {
  confirm: (order) =>
    done({ ...order, expiresAt: null }, [{ type: "commit_stock", items: stockItems(order) }, orderNotification(order, "order_confirmed", "confirmed", { receipt: receiptText(receiptOf(order)).join("\n") })]),
  pack: (order) => done(order),
  ship: (order, { carrier, trackingNumber }) =>
    done({ ...order, tracking: { carrier, trackingNumber } }, [orderNotification(order, "order_shipped", "shipped", { carrier, trackingNumber })]),
  deliver: (order, _event, { actor, now }) => {
    const delivered: Transition = {
      order: { ...order, deliveredAt: now },
      effects: [orderNotification(order, "order_delivered", "delivered")],
      afterCommit: [],
    };
    const due = outstanding(order.payment);
    if (order.payment.method !== "cod" || due.minor === 0) return ok(delivered);
    return andThen(delivered, (o) => captureOrderPayment(o, { amount: due, ref: "cod", actor, now }));
  },
  cancel: (order, { reason }, context, from) => cancelled({ ...order, cancelReason: reason }, context, from),
  expire: (order, _event, context, from) => cancelled({ ...order, cancelReason: "payment not received in time" }, context, from),
  payment_cancelled: (order, _event, context, from) => cancelled({ ...order, cancelReason: "payment cancelled by the payment provider" }, context, from, true),
  request_return: (order, { reason }) => done({ ...order, returnReason: reason }, [orderNotification(order, "return_requested", "return_requested")]),
  approve_return: (order) => done(order, [orderNotification(order, "return_approved", "return_approved")]),
  reject_return: (order, { reason }) => done(order, [orderNotification(order, "return_rejected", "return_rejected", { reason })]),
  receive_return: (order, { restock }) =>
    done({ ...order, restocked: restock }, restock ? [{ type: "restock", items: stockItems(order) }] : []),
};

function noteOf(event: OrderEvent): string | null {
  if (event.type === "ship") return `${event.carrier} ${event.trackingNumber}`;
  if ("reason" in event) return event.reason;
  if (event.type === "receive_return") return event.restock ? "restocked" : "not restocked";
  return null;
}

/**
 * Applies an event to an order: the table says whether the transition exists and who may
 * trigger it, the guards say whether it may happen now, and the reaction says what else
 * happens. Returns the order to save (status changed, history entry appended, version
 * incremented) and the effects to perform, or the reason it was refused.
 */
export function applyOrderEvent(order: Order, event: OrderEvent, context: DecisionContext): Result<Transition, OrderError> {
  const rule = ruleFor(order.status, event.type);
  if (!rule) return err({ code: "INVALID_TRANSITION", from: order.status, event: event.type });
  if (!rule.by.includes(context.actor.kind)) return err({ code: "NOT_ALLOWED", actor: context.actor.kind, event: event.type });
  const reason = actorGuard(order, context.actor) ?? guards[event.type]?.(order, context) ?? null;
  if (reason) return err({ code: "GUARD_FAILED", event: event.type, reason });
  const moved: Order = {
    ...order,
    status: rule.to,
    version: order.version + 1,
    history: [
      ...order.history,
      { kind: "status", at: context.now, actor: context.actor, event: event.type, from: order.status, to: rule.to, note: noteOf(event) },
    ],
  };
  const react = reactions[event.type] as Reaction<OrderEvent>;
  return react(moved, event, context, order.status);
}

/** The events this actor could trigger now, for the buttons a page shows. */
export function availableEvents(order: Order, context: DecisionContext): OrderEventType[] {
  return transitionsFrom(order.status)
    .filter(({ event, by }) => by.includes(context.actor.kind) && !actorGuard(order, context.actor) && !guards[event]?.(order, context))
    .map(({ event }) => event);
}
