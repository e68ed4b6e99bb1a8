import type { Actor, Address } from "../account/user.js";
import type { PricedLine, Totals } from "../cart/pricing.js";
import type { StockItem } from "../inventory/stock.js";
import type { Money } from "../money/money.js";
import type { Notification } from "../notification/notification.js";
import type { Payment } from "../payment/payment.js";
import type { Transfer } from "../wallet/transfer.js";
import { type Result } from "../result.js";
export declare const ORDER_STATUSES: readonly ["pending_payment", "confirmed", "packed", "shipped", "delivered", "cancelled", "return_requested", "return_approved", "return_rejected", "return_received"];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** An order line keeps its final amounts (subtotal, discount, total, tax) for refunds. */
export type OrderLine = PricedLine;
export declare const ORDER_EVENT_TYPES: readonly ["confirm", "pack", "ship", "deliver", "cancel", "expire", "payment_cancelled", "request_return", "approve_return", "reject_return", "receive_return"];
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
/** What a status entry of the timeline records: placement, then the machine's events. */
export declare const ORDER_STATUS_EVENTS: readonly ["place", "confirm", "pack", "ship", "deliver", "cancel", "expire", "payment_cancelled", "request_return", "approve_return", "reject_return", "receive_return"];
/** What a payment entry of the timeline records. */
export declare const PAYMENT_EVENTS: readonly ["captured", "failed", "refunded"];
/** A timeline entry: a status change, or something that happened to the payment. */
export type HistoryEntry = {
    readonly kind: "status";
    readonly at: Date;
    readonly actor: Actor;
    readonly event: (typeof ORDER_STATUS_EVENTS)[number];
    readonly from: OrderStatus | null;
    readonly to: OrderStatus;
    readonly note: string | null;
} | {
    readonly kind: "payment";
    readonly at: Date;
    readonly actor: Actor;
    readonly event: (typeof PAYMENT_EVENTS)[number];
    readonly amount: Money | null;
    readonly note: string | null;
};
export declare const HISTORY_KINDS: readonly ["status", "payment"];
/** A placed order keeps the cart's totals as they were priced (lines with their final amounts) for good. */
export interface Order extends Totals {
    readonly id: string;
    /** What people quote: the store's short sequential number (`BB-10423`), allocated when placed. */
    readonly number: string;
    readonly userId: string;
    readonly status: OrderStatus;
    /** A copy: editing the address book later does not move a placed order. */
    readonly address: Address;
    readonly payment: Payment;
    readonly tracking: {
        readonly carrier: string;
        readonly trackingNumber: string;
    } | null;
    readonly returnReason: string | null;
    /** The admin's decision when the return arrived; null until then. */
    readonly restocked: boolean | null;
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
export type Effect = {
    readonly type: "reserve_stock";
    readonly items: readonly StockItem[];
} | {
    readonly type: "commit_stock";
    readonly items: readonly StockItem[];
} | {
    readonly type: "release_stock";
    readonly items: readonly StockItem[];
} | {
    readonly type: "restock";
    readonly items: readonly StockItem[];
} | {
    readonly type: "post_transfers";
    readonly transfers: readonly Transfer[];
} | {
    readonly type: "redeem_coupon";
    readonly couponCode: string;
    readonly userId: string;
} | {
    readonly type: "release_coupon";
    readonly couponCode: string;
    readonly userId: string;
} | {
    readonly type: "notify";
    readonly notification: Notification;
};
/** Calls to the payment provider, made only after the unit of work committed. */
export type ProviderCall = {
    readonly type: "create_intent";
    readonly orderId: string;
    readonly amount: Money;
    readonly idempotencyKey: string;
} | {
    readonly type: "cancel_intent";
    readonly intentId: string;
    readonly idempotencyKey: string;
} | {
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
export declare const ORDER_NUMBER_PREFIX = "BB-";
/**
 * The number people read for the `sequence`-th order (1, 2, …): counted from 10001 so every
 * number has the same five digits for a long while and does not look like a first order.
 */
export declare function orderNumber(sequence: number): string;
/** The stock an order's lines hold. */
export declare function stockItems(order: Order): StockItem[];
/** A notification about this order, deduplicated by order id and `event`. */
export declare function orderNotification(order: Order, template: Notification["template"], event: string, data?: Record<string, string>): Effect;
/** Runs `next` on the order a transition produced and joins their effects in order. */
export declare function andThen<E>(first: Transition, next: (order: Order) => Result<Transition, E>): Result<Transition, E>;
//# sourceMappingURL=order.d.ts.map