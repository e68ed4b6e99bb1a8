import type { Order } from "../order/order.js";
import type { RefundRecord } from "../payment/payment.js";
import type { CreditedItem } from "./credit-note.js";
import { DELIVERY_ITEM } from "./invoice.js";

/** The documents a saved change of an order calls for, issued in the same unit of work (decision record 150). */
export interface DocumentsDue {
  /** The order became confirmed just now: placed confirmed (wallet, cash on delivery), or its card payment captured. */
  readonly invoice: boolean;
  /** Refunds that reached `succeeded` in this change, each booked by one credit note. */
  readonly creditNotes: readonly RefundRecord[];
}

/**
 * What `before` → `after` (before null: just placed) issues. An invoice once, when the order is
 * first confirmed: earlier there is no supply to invoice (an unpaid card order may expire), later it
 * is issued already. A credit note per refund when the money has gone back (a wallet refund at once,
 * a card refund when the provider confirms it): a pending card refund may still fail.
 */
export function documentsDue(before: Order | null, after: Order): DocumentsDue {
  const invoice = after.status === "confirmed" && (before === null || before.status === "pending_payment");
  const succeededBefore = new Set(before?.payment.refunds.filter((r) => r.status === "succeeded").map((r) => r.id));
  return { invoice, creditNotes: after.payment.refunds.filter((r) => r.status === "succeeded" && !succeededBefore.has(r.id)) };
}

/**
 * The returned items a refund paid for: the lines of the return it settled, at what each was refunded,
 * and delivery when that return gave it back. Null when no return names the refund (a refund of an
 * amount, a cancellation): the credit note then spreads it over what remains on the invoice.
 */
export function creditedItems(order: Order, refundId: string): CreditedItem[] | null {
  const ret = order.returns.find((r) => r.refundId === refundId);
  if (!ret) return null;
  const items: CreditedItem[] = ret.lines.flatMap((line) => (line.approved && line.amount ? [{ itemRef: line.variantId, grossMinor: line.amount.minor, quantity: line.quantity }] : []));
  if (ret.delivery && ret.delivery.minor > 0) items.push({ itemRef: DELIVERY_ITEM, grossMinor: ret.delivery.minor, quantity: 1 });
  return items;
}
