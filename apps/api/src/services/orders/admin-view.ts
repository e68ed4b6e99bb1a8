import {
  availableEvents,
  hasPermission,
  openReturn,
  paymentChannel,
  quoteReturn,
  receiptOf,
  returnableByLine,
  returnsSummary,
  refundable,
  refundDestinations,
  type Actor,
  type Order,
  type StoreSettings,
  type Transfer,
  type User,
} from "@bbscart/core";
import { orderCustomer } from "../common/index.js";
import { shownToStaff } from "./shown.js";

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

/** One row of the admin's order list, with its customer (null: the account is gone). */
export function orderSummary(order: Order, viewer: Viewer, customer: User | null) {
  return {
    id: order.id,
    number: order.number,
    userId: order.userId,
    customer: orderCustomer(order, customer),
    status: order.status,
    placedAt: order.placedAt,
    total: order.total,
    itemCount: order.lines.reduce((count, line) => count + line.quantity, 0),
    payment: { method: order.payment.method, channel: paymentChannel(order.payment), status: order.payment.status },
    ...actions(order, viewer),
  };
}

/** While a return awaits a decision: what approving all of it refunds (the console asks again for fewer lines). */
function fullReturnQuote(order: Order) {
  const open = openReturn(order);
  return open?.status === "requested" ? quoteReturn(order, open, new Set(open.lines.map((line) => line.variantId))) : null;
}

/** The admin's order page: the order with its timeline and payment, its customer, its ledger transfers. */
export function adminOrderView(order: Order, viewer: Viewer, extra: { customer: User | null; transfers: readonly Transfer[] }) {
  return {
    ...shownToStaff(order),
    receipt: receiptOf(order),
    returned: returnsSummary(order),
    returnable: returnableByLine(order),
    returnQuote: fullReturnQuote(order),
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
    // Each return's stage and amount, with the reason for an overridden one: what an approval decided.
    returns: order.returns.map((r) => ({ id: r.id, status: r.status, amountMinor: r.amount?.minor ?? null, overrideReason: r.overrideReason })),
    version: order.version,
  };
}
