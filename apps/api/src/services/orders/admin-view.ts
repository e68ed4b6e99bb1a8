import {
  availableEvents,
  hasPermission,
  receiptOf,
  refundable,
  refundDestinations,
  type Actor,
  type Order,
  type StoreSettings,
  type Transfer,
  type User,
} from "@bbscart/core";

/** Who is looking, and under which settings: what they may do next depends on both. */
export interface Viewer {
  readonly actor: Actor;
  readonly now: Date;
  readonly settings: Pick<StoreSettings, "returnWindowDays">;
}

/** What this admin may do with the order now: exactly the buttons the console shows. */
function actions(order: Order, { actor, now, settings }: Viewer) {
  const left = refundable(order.payment);
  const mayRefund = hasPermission(actor, "refunds.issue") && left.minor > 0;
  return {
    availableEvents: availableEvents(order, { actor, now, settings }),
    refundable: left,
    refundDestinations: mayRefund ? [...refundDestinations(order.payment.method)] : [],
  };
}

/** One row of the admin's order list. */
export function orderSummary(order: Order, viewer: Viewer) {
  return {
    id: order.id,
    number: order.number,
    userId: order.userId,
    status: order.status,
    placedAt: order.placedAt,
    total: order.total,
    itemCount: order.lines.reduce((count, line) => count + line.quantity, 0),
    payment: { method: order.payment.method, status: order.payment.status },
    ...actions(order, viewer),
  };
}

/** The admin's order page: the order with its timeline and payment, its customer, its ledger transfers. */
export function adminOrderView(order: Order, viewer: Viewer, extra: { customer: User | null; transfers: readonly Transfer[] }) {
  return {
    ...order,
    receipt: receiptOf(order),
    customer: extra.customer ? { id: extra.customer.id, email: extra.customer.email, name: extra.customer.name } : null,
    transfers: [...extra.transfers],
    ...actions(order, viewer),
  };
}

/** The fields an order action changes, as the audit log records them before and after. */
export function auditSnapshot(order: Order) {
  return {
    status: order.status,
    paymentStatus: order.payment.status,
    refundedMinor: order.payment.refunded.minor,
    tracking: order.tracking ? { ...order.tracking } : null,
    version: order.version,
  };
}
