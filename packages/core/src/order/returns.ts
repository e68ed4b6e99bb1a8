import { allocate } from "../money/allocate.js";
import { money, subtract, sum, zero, type Money } from "../money/money.js";
import { refundable, refundDestinations, type RefundDestination } from "../payment/payment.js";
import { err, expectOk, ok, type Result } from "../result.js";
import type { Order, OrderLine } from "./order.js";
import type { OrderReturn, ReturnLine, ReturnReason, ReturnSelection } from "./order-return.js";

export type ReturnError =
  | { readonly code: "RETURN_LINE_UNKNOWN"; readonly index: number; readonly variantId: string }
  | { readonly code: "RETURN_LINE_REPEATED"; readonly index: number; readonly variantId: string }
  | { readonly code: "RETURN_EXCEEDS_UNITS"; readonly index: number; readonly variantId: string; readonly returnable: number }
  | { readonly code: "RETURN_DECISIONS_MISMATCH"; readonly expected: readonly string[] }
  | { readonly code: "RETURN_NONE_APPROVED" }
  | { readonly code: "RETURN_EXCEEDS_REFUNDABLE"; readonly amount: Money; readonly refundable: Money; readonly override: boolean }
  | { readonly code: "NO_RETURN_TO_DECIDE" };

/** The admin's decision on one line of the open return. */
export interface ReturnDecision {
  readonly variantId: string;
  readonly approve: boolean;
}

/** What the admin confirms when approving: per-line decisions, where the money goes, and an optional override of the amount with its reason. */
export interface ReturnApproval {
  readonly lines: readonly ReturnDecision[];
  readonly destination: RefundDestination;
  readonly override: { readonly amountMinor: number; readonly reason: string } | null;
}

/** The refund core computes for approving some lines of the open return, line by line. */
export interface ReturnQuote {
  readonly lines: readonly { readonly variantId: string; readonly quantity: number; readonly amount: Money; readonly tax: Money }[];
  readonly delivery: Money;
  readonly total: Money;
}

/** The return still waiting for a decision or for its units (requested or approved), if any. */
export function openReturn(order: Order): OrderReturn | null {
  return order.returns.find((r) => r.status === "requested" || r.status === "approved") ?? null;
}

/** Units of a return line that count against the order line: asked for and not (yet) refused. */
function heldUnits(ret: OrderReturn, line: ReturnLine): number {
  if (ret.status === "rejected" || line.approved === false) return 0;
  return line.quantity;
}

/** Units of an order line whose refund is decided: approved in a return (approved or received). */
function approvedUnits(order: Order, variantId: string): number {
  let units = 0;
  for (const ret of order.returns) {
    if (ret.status !== "approved" && ret.status !== "received") continue;
    for (const line of ret.lines) if (line.variantId === variantId && line.approved === true) units += line.quantity;
  }
  return units;
}

/** Units of this order line the shopper may still ask to return: ordered, less those in returns not refused. */
export function returnableUnits(order: Order, variantId: string): number {
  const line = order.lines.find((l) => l.variantId === variantId);
  if (!line) return 0;
  const held = order.returns.reduce((units, ret) => units + ret.lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + heldUnits(ret, l), 0), 0);
  return line.quantity - held;
}

/** Units of each line still returnable, in the order's line order: what the forms offer. */
export function returnableByLine(order: Order): { variantId: string; units: number }[] {
  return order.lines.map((line) => ({ variantId: line.variantId, units: returnableUnits(order, line.variantId) }));
}

/** Whether any unit of the order can still be asked back. */
export function hasReturnableUnits(order: Order): boolean {
  return order.lines.some((line) => returnableUnits(order, line.variantId) > 0);
}

/**
 * The `count` units of `line` after the first `from` already refunded: what they paid, and the tax
 * in it. The line's discounted total (and its tax) is split over its units with `allocate`, and
 * units are taken in order, so any sequence of partial returns adds up to at most the line total
 * and returning every unit gives back exactly it.
 */
function unitsWorth(line: OrderLine, from: number, count: number): { amount: Money; tax: Money } {
  const ones = Array.from({ length: line.quantity }, () => 1);
  const take = (parts: Money[]) => expectOk(sum(line.total.currency, parts.slice(from, from + count)), "unitsWorth");
  return { amount: take(allocate(line.total, ones)), tax: take(allocate(line.tax, ones)) };
}

/**
 * Checks a shopper's selection against the order: every line named once, known, and no more units
 * than are still returnable (ordered − in returns asked for and not refused). Errors name the
 * selection's index, so the form can point at the field.
 */
export function checkReturnSelection(order: Order, selections: readonly ReturnSelection[]): Result<readonly ReturnSelection[], ReturnError> {
  const seen = new Set<string>();
  for (const [index, { variantId, quantity }] of selections.entries()) {
    if (!order.lines.some((l) => l.variantId === variantId)) return err({ code: "RETURN_LINE_UNKNOWN", index, variantId });
    if (seen.has(variantId)) return err({ code: "RETURN_LINE_REPEATED", index, variantId });
    seen.add(variantId);
    const left = returnableUnits(order, variantId);
    if (quantity > left) return err({ code: "RETURN_EXCEEDS_UNITS", index, variantId, returnable: left });
  }
  return ok(selections);
}

/** A new return for a checked selection, numbered after the order's earlier ones. */
export function newReturn(order: Order, input: { readonly lines: readonly ReturnSelection[]; readonly reason: ReturnReason; readonly note: string | null; readonly now: Date }): OrderReturn {
  return {
    id: `R${order.returns.length + 1}`,
    status: "requested",
    reason: input.reason,
    note: input.note,
    requestedAt: input.now,
    lines: input.lines.map(({ variantId, quantity }) => ({ variantId, quantity, approved: null, amount: null, tax: null })),
    delivery: null,
    amount: null,
    overrideReason: null,
    destination: null,
    refundId: null,
    restocked: null,
  };
}

/**
 * What approving `approve` (variant ids of the open return's lines) refunds: each line's units at
 * what they paid, after the units of that line already refunded; plus the delivery fee when these
 * units complete the return of every unit of every line. Never more than the order's total in sum.
 */
export function quoteReturn(order: Order, ret: OrderReturn, approve: ReadonlySet<string>): ReturnQuote {
  const currency = order.currency;
  const lines = ret.lines
    .filter((l) => approve.has(l.variantId))
    .map((selected) => {
      const line = order.lines.find((l) => l.variantId === selected.variantId);
      if (!line) throw new Error(`return ${ret.id} of order ${order.id} names a variant the order lacks: ${selected.variantId}`);
      return { variantId: selected.variantId, quantity: selected.quantity, ...unitsWorth(line, approvedUnits(order, selected.variantId), selected.quantity) };
    });
  const completes = order.lines.every((line) => approvedUnits(order, line.variantId) + (lines.find((l) => l.variantId === line.variantId)?.quantity ?? 0) === line.quantity);
  const delivery = completes && lines.length > 0 ? order.deliveryFee : zero(currency);
  const total = expectOk(sum(currency, [...lines.map((l) => l.amount), delivery]), "quoteReturn");
  return { lines, delivery, total };
}

/**
 * What approving the lines `approve` (variant ids) of the return awaiting a decision would refund,
 * for the admin to see before confirming. Ids the return does not hold are refused by position.
 */
export function quoteOpenReturn(order: Order, approve: readonly string[]): Result<ReturnQuote, ReturnError> {
  const open = openReturn(order);
  if (!open || open.status !== "requested") return err({ code: "NO_RETURN_TO_DECIDE" });
  const unknown = approve.findIndex((variantId) => !open.lines.some((l) => l.variantId === variantId));
  if (unknown >= 0) return err({ code: "RETURN_LINE_UNKNOWN", index: unknown, variantId: approve[unknown] ?? "" });
  return ok(quoteReturn(order, open, new Set(approve)));
}

/**
 * The admin's per-line decision on the open return: every line decided once, at least one
 * approved (rejecting all is `reject_return`). The refund is core's quote, or the admin's
 * override (with its reason); either way no more than the order can still refund, to a
 * destination the payment method allows.
 */
export function approveReturn(order: Order, ret: OrderReturn, approval: ReturnApproval): Result<OrderReturn, ReturnError | { readonly code: "REFUND_DESTINATION_UNAVAILABLE"; readonly method: Order["payment"]["method"]; readonly destination: RefundDestination }> {
  const expected = ret.lines.map((l) => l.variantId);
  const decided = approval.lines.map((d) => d.variantId);
  if (decided.length !== expected.length || new Set(decided).size !== decided.length || !expected.every((v) => decided.includes(v))) {
    return err({ code: "RETURN_DECISIONS_MISMATCH", expected });
  }
  const approve = new Set(approval.lines.filter((d) => d.approve).map((d) => d.variantId));
  if (approve.size === 0) return err({ code: "RETURN_NONE_APPROVED" });
  if (!refundDestinations(order.payment.method).includes(approval.destination)) {
    return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: order.payment.method, destination: approval.destination });
  }
  const quote = quoteReturn(order, ret, approve);
  const amount = approval.override ? money(approval.override.amountMinor, order.currency) : quote.total;
  const left = refundable(order.payment);
  if (amount.minor > left.minor) return err({ code: "RETURN_EXCEEDS_REFUNDABLE", amount, refundable: left, override: approval.override !== null });
  return ok({
    ...ret,
    status: "approved",
    lines: ret.lines.map((line) => {
      const priced = quote.lines.find((q) => q.variantId === line.variantId);
      return priced ? { ...line, approved: true, amount: priced.amount, tax: priced.tax } : { ...line, approved: false };
    }),
    delivery: quote.delivery,
    amount,
    overrideReason: approval.override?.reason ?? null,
    destination: approval.destination,
  });
}

/** One line of "what came back": units returned (received), units on their way or waiting, and what their refunds came to. */
export interface ReturnedLine {
  readonly variantId: string;
  readonly label: string;
  readonly ordered: number;
  readonly returned: number;
  readonly pending: number;
  readonly refunded: Money;
}

/**
 * The credit side of an order page: per line, units returned and what was refunded for them; the
 * delivery given back; and the difference admins' overrides made. Invariant: `lines`' refunds +
 * `delivery` + `adjustments` = `total` = what was refunded for received returns, so these rows add
 * up as the receipt's do.
 */
export interface ReturnsSummary {
  readonly lines: readonly ReturnedLine[];
  readonly delivery: Money;
  readonly adjustments: Money;
  readonly total: Money;
}

export function returnsSummary(order: Order): ReturnsSummary {
  const currency = order.currency;
  const received = order.returns.filter((r) => r.status === "received" && r.amount !== null);
  const lines = order.lines.map((line): ReturnedLine => {
    let returned = 0;
    let pending = 0;
    const refunds: Money[] = [];
    for (const ret of order.returns) {
      for (const l of ret.lines.filter((x) => x.variantId === line.variantId && heldUnits(ret, x) > 0)) {
        if (ret.status === "received") returned += l.quantity;
        else pending += l.quantity;
        if (ret.status === "received" && l.amount) refunds.push(l.amount);
      }
    }
    return { variantId: line.variantId, label: line.name, ordered: line.quantity, returned, pending, refunded: expectOk(sum(currency, refunds), "returnsSummary") };
  });
  const delivery = expectOk(sum(currency, received.map((r) => r.delivery ?? zero(currency))), "returnsSummary");
  const total = expectOk(sum(currency, received.map((r) => r.amount ?? zero(currency))), "returnsSummary");
  const computed = expectOk(sum(currency, [...lines.map((l) => l.refunded), delivery]), "returnsSummary");
  return { lines, delivery, adjustments: expectOk(subtract(total, computed), "returnsSummary"), total };
}

export type ReturnSelectionError =
  | { readonly code: "UNKNOWN_LINE"; readonly variantId: string }
  | { readonly code: "QUANTITY_EXCEEDS_LINE"; readonly variantId: string; readonly ordered: number };

/**
 * What some units are worth for a refund typed by hand: the first units of each line, by the same
 * per-unit split returns use. Delivery is not included.
 */
export function refundForUnits(order: Order, selections: readonly ReturnSelection[]): Result<Money, ReturnSelectionError> {
  const parts: Money[] = [];
  for (const { variantId, quantity } of selections) {
    const line = order.lines.find((l) => l.variantId === variantId);
    if (!line) return err({ code: "UNKNOWN_LINE", variantId });
    if (quantity > line.quantity) return err({ code: "QUANTITY_EXCEEDS_LINE", variantId, ordered: line.quantity });
    parts.push(unitsWorth(line, 0, quantity).amount);
  }
  return ok(expectOk(sum(order.currency, parts), "refundForUnits"));
}
