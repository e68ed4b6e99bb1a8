import type { GuestContact } from "../account/guest.js";
import type { Actor, Address } from "../account/user.js";
import type { PricedLine, Totals } from "../cart/pricing.js";
import type { StockItem } from "../inventory/stock.js";
import type { Money } from "../money/money.js";
import type { Notification } from "../notification/notification.js";
import type { Payment } from "../payment/payment.js";
import type { Transfer } from "../wallet/transfer.js";
import type { OrderReturn } from "./order-return.js";
import { allOf } from "../enum.js";
import { ok, type Result } from "../result.js";

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
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order line keeps its final amounts (subtotal, discount, total, tax) for refunds. */
export type OrderLine = PricedLine;

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
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** What a status entry of the timeline records: placement, then the machine's events. */
export const ORDER_STATUS_EVENTS = ["place", ...ORDER_EVENT_TYPES] as const;
/** What a payment entry of the timeline records. */
export const PAYMENT_EVENTS = ["captured", "failed", "refunded"] as const;

/** A timeline entry: a status change, or something that happened to the payment. */
export type HistoryEntry =
  | {
      readonly kind: "status";
      readonly at: Date;
      readonly actor: Actor;
      readonly event: (typeof ORDER_STATUS_EVENTS)[number];
      readonly from: OrderStatus | null;
      readonly to: OrderStatus;
      readonly note: string | null;
    }
  | {
      readonly kind: "payment";
      readonly at: Date;
      readonly actor: Actor;
      readonly event: (typeof PAYMENT_EVENTS)[number];
      readonly amount: Money | null;
      readonly note: string | null;
    };

export const HISTORY_KINDS = allOf<HistoryEntry["kind"]>()(["status", "payment"]);

/** A business purchase: the buyer's GSTIN (validated at checkout) and business name, printed on its invoice. */
export interface OrderBuyer {
  readonly gstin: string;
  readonly businessName: string;
}

/** A placed order keeps the cart's totals as they were priced (lines with their final amounts) for good. */
export interface Order extends Totals {
  readonly id: string;
  /** What people quote: the store's short sequential number (`BB-10423`), allocated when placed. */
  readonly number: string;
  /** The account that owns the order; null for a guest's order until its email's account claims it (ADR 141). */
  readonly userId: string | null;
  /** How to reach a guest who ordered without an account; kept after a claim. Null for an account's order. */
  readonly guest: GuestContact | null;
  /**
   * Who the coupon was redeemed for (`couponHolders`), recorded at placement so a cancellation gives
   * back exactly what was taken, whatever claim or account edit happened since.
   */
  readonly couponHolders: readonly string[];
  readonly status: OrderStatus;
  /** A copy: editing the address book later does not move a placed order. */
  readonly address: Address;
  /** Absent or null: a consumer purchase (B2C). */
  readonly buyer?: OrderBuyer | null;
  readonly payment: Payment;
  readonly tracking: { readonly carrier: string; readonly trackingNumber: string } | null;
  /** Returns by line, in the order they were asked for; at most one open at a time (the status says which stage). */
  readonly returns: readonly OrderReturn[];
  readonly cancelReason: string | null;
  readonly idempotencyKey: string;
  readonly placedAt: Date;
  /** When an unpaid order gives its stock back; null once confirmed. */
  readonly expiresAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly history: readonly HistoryEntry[];
  /** Incremented by every decision; adapters save with compare-and-set on it. */
  readonly version: number;
}

/** Work a decision asks for inside the same unit of work as saving the order. */
export type Effect =
  | { readonly type: "reserve_stock"; readonly items: readonly StockItem[] }
  | { readonly type: "commit_stock"; readonly items: readonly StockItem[] }
  | { readonly type: "release_stock"; readonly items: readonly StockItem[] }
  | { readonly type: "restock"; readonly items: readonly StockItem[] }
  | { readonly type: "post_transfers"; readonly transfers: readonly Transfer[] }
  | { readonly type: "redeem_coupon"; readonly couponCode: string; readonly holders: readonly string[] }
  | { readonly type: "release_coupon"; readonly couponCode: string; readonly holders: readonly string[] }
  | { readonly type: "notify"; readonly notification: Notification };

/** Calls to the payment provider, made only after the unit of work committed. */
export type ProviderCall =
  | { readonly type: "create_intent"; readonly orderId: string; readonly amount: Money; readonly idempotencyKey: string }
  | { readonly type: "cancel_intent"; readonly intentId: string; readonly idempotencyKey: string }
  | {
      readonly type: "refund";
      readonly intentId: string;
      readonly refundId: string;
      readonly amount: Money;
      readonly idempotencyKey: string;
    };

/** The result of a decision: the order to save, and what else to do, as data. */
export interface Transition {
  readonly order: Order;
  readonly effects: readonly Effect[];
  readonly afterCommit: readonly ProviderCall[];
}

/** What every order number starts with; the sequence after it is the store's, one per placed order. */
export const ORDER_NUMBER_PREFIX = "BB-";

/**
 * The number people read for the `sequence`-th order (1, 2, …): counted from 10001 so every
 * number has the same five digits for a long while and does not look like a first order.
 */
export function orderNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`orderNumber: ${sequence} is not a sequence number`);
  return `${ORDER_NUMBER_PREFIX}${10000 + sequence}`;
}

/** The stock an order's lines hold. */
export function stockItems(order: Order): StockItem[] {
  return order.lines.map((line) => ({ variantId: line.variantId, sku: line.sku, quantity: line.quantity }));
}

/** A notification about this order, deduplicated by order id and `event`. */
export function orderNotification(
  order: Order,
  template: Notification["template"],
  event: string,
  data: Record<string, string> = {},
): Effect {
  return {
    type: "notify",
    notification: { template, userId: order.userId, ...(order.guest ? { guest: order.guest } : {}), dedupeKey: `order:${order.id}:${event}`, data: { orderId: order.id, orderNumber: order.number, ...data } },
  };
}

/** Runs `next` on the order a transition produced and joins their effects in order. */
export function andThen<E>(first: Transition, next: (order: Order) => Result<Transition, E>): Result<Transition, E> {
  const second = next(first.order);
  if (!second.ok) return second;
  return ok({
    order: second.value.order,
    effects: [...first.effects, ...second.value.effects],
    afterCommit: [...first.afterCommit, ...second.value.afterCommit],
  });
}
