import { hasPermission, type Actor, type ActorKind } from "../account/user.js";
import { receiptOf, receiptText } from "../cart/receipt.js";
import { zero } from "../money/money.js";
import { outstanding } from "../payment/payment.js";
import type { PaymentError } from "../payment/payment.js";
import { err, ok, type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { andThen, orderNotification, stockItems, type Effect, type Order, type OrderEventType, type OrderStatus, type ProviderCall, type Transition } from "./order.js";
import { captureOrderPayment, issueRefund, refundInFull } from "./order.payment.js";
import type { OrderReturn, ReturnReason, ReturnSelection } from "./order-return.js";
import { approveReturn, checkReturnSelection, hasReturnableUnits, newReturn, openReturn, type ReturnApproval, type ReturnError } from "./returns.js";

/** Something that happens to an order; the data each event carries is what its transition needs. */
export type OrderEvent =
  | { readonly type: "confirm" }
  | { readonly type: "pack" }
  | { readonly type: "ship"; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: "deliver" }
  | { readonly type: "cancel"; readonly reason: string }
  | { readonly type: "expire" }
  | { readonly type: "payment_cancelled" }
  | { readonly type: "request_return"; readonly lines: readonly ReturnSelection[]; readonly reason: ReturnReason; readonly note: string | null }
  | ({ readonly type: "approve_return" } & ReturnApproval)
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
  // One return is open at a time; approving decides per line, and rejecting refuses every line.
  return_requested: {
    approve_return: { to: "return_approved", by: ["admin"] },
    reject_return: { to: "return_rejected", by: ["admin"] },
  },
  return_approved: { receive_return: { to: "return_received", by: ["admin"] } },
  // After a return is settled, more units may be asked back while any remain and the window is open.
  return_rejected: { request_return: { to: "return_requested", by: ["shopper", "admin"] } },
  return_received: { request_return: { to: "return_requested", by: ["shopper", "admin"] } },
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
export const GUARD_REASONS = ["not_owner", "missing_permission", "payment_not_captured", "already_paid", "not_expired", "return_window_closed", "nothing_to_return"] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

export type OrderError =
  | { readonly code: "INVALID_TRANSITION"; readonly from: OrderStatus; readonly event: OrderEventType }
  | { readonly code: "NOT_ALLOWED"; readonly actor: ActorKind; readonly event: OrderEventType }
  | { readonly code: "GUARD_FAILED"; readonly event: OrderEventType; readonly reason: GuardReason }
  | ReturnError
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
    if (now.getTime() > deadline) return "return_window_closed";
    return hasReturnableUnits(order) ? null : "nothing_to_return";
  },
  // Approving decides an amount of money: the same permission as any refund.
  approve_return: (_order, { actor }) => (hasPermission(actor, "refunds.issue") ? null : "missing_permission"),
};

type ReactionError = PaymentError | ReturnError;
type Reaction<E extends OrderEvent> = (order: Order, event: E, context: DecisionContext, from: OrderStatus) => Result<Transition, ReactionError>;

const done = (order: Order, effects: Effect[] = [], afterCommit: ProviderCall[] = []): Result<Transition, ReactionError> =>
  ok({ order, effects, afterCommit });

/** The order's open return; the table only lets return events through while one is open. */
function theOpenReturn(order: Order): OrderReturn {
  const open = openReturn(order);
  if (!open) throw new Error(`order ${order.id} is ${order.status} without an open return`);
  return open;
}

/** The order with its return `ret` replaced by its next state. */
const withReturn = (order: Order, ret: OrderReturn): Order => ({ ...order, returns: order.returns.map((r) => (r.id === ret.id ? ret : r)) });

/**
 * The units of an approved return arrived: restocked if the admin says so, and the approved
 * amount refunded through the same path as every refund (its id derived from the return, so the
 * provider's idempotency key is stable). Returns decided before amounts were computed (null) are
 * refunded by hand.
 */
function receivedReturn(order: Order, restock: boolean, context: DecisionContext): Result<Transition, ReactionError> {
  const ret = theOpenReturn(order);
  const refunds = ret.amount !== null && ret.amount.minor > 0 && ret.destination !== null;
  const refundId = refunds ? `${order.id}:return:${ret.id}` : null;
  const received = withReturn(order, { ...ret, status: "received", restocked: restock, refundId });
  const items = ret.lines
    .filter((line) => line.approved === true)
    .map((line) => {
      const ordered = order.lines.find((l) => l.variantId === line.variantId);
      if (!ordered) throw new Error(`return ${ret.id} of order ${order.id} names a variant the order lacks: ${line.variantId}`);
      return { variantId: line.variantId, sku: ordered.sku, quantity: line.quantity };
    });
  const base: Transition = { order: received, effects: restock && items.length > 0 ? [{ type: "restock", items }] : [], afterCommit: [] };
  if (refundId === null || ret.amount === null || ret.destination === null) return ok(base);
  const request = { refundId, amount: ret.amount, destination: ret.destination, reason: `return ${ret.id}`, actor: context.actor, now: context.now };
  return andThen(base, (o) => issueRefund(o, request));
}

/** `intentGone`: the provider cancelled the intent itself, so there is nothing left to cancel there. */
function cancelled(order: Order, context: DecisionContext, from: OrderStatus, intentGone = false): Result<Transition, PaymentError> {
  const unpaid = from === "pending_payment";
  const coupon: Effect[] = unpaid && order.couponCode ? [{ type: "release_coupon", couponCode: order.couponCode, holders: order.couponHolders }] : [];
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
  request_return: (order, { lines, reason, note }, { now }) => {
    const checked = checkReturnSelection(order, lines);
    if (!checked.ok) return checked;
    const ret = newReturn(order, { lines: checked.value, reason, note, now });
    return done({ ...order, returns: [...order.returns, ret] }, [orderNotification(order, "return_requested", `return_requested:${ret.id}`, { returnId: ret.id })]);
  },
  approve_return: (order, approval) => {
    const approved = approveReturn(order, theOpenReturn(order), approval);
    if (!approved.ok) return approved;
    const amount = approved.value.amount ?? zero(order.currency);
    return done(withReturn(order, approved.value), [
      orderNotification(order, "return_approved", `return_approved:${approved.value.id}`, { returnId: approved.value.id, amountMinor: String(amount.minor) }),
    ]);
  },
  reject_return: (order, { reason }) => {
    const ret = theOpenReturn(order);
    const rejected: OrderReturn = { ...ret, status: "rejected", lines: ret.lines.map((line) => ({ ...line, approved: false })) };
    return done(withReturn(order, rejected), [orderNotification(order, "return_rejected", `return_rejected:${ret.id}`, { returnId: ret.id, reason })]);
  },
  receive_return: (order, { restock }, context) => receivedReturn(order, restock, context),
};

function noteOf(event: OrderEvent): string | null {
  if (event.type === "ship") return `${event.carrier} ${event.trackingNumber}`;
  if (event.type === "request_return") return [event.reason.replaceAll("_", " "), event.note].filter(Boolean).join(": ");
  if (event.type === "approve_return") return event.override ? `amount overridden: ${event.override.reason}` : null;
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
