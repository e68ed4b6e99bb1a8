import type { GuestContact } from "../account/guest.js";
import type { Actor, Address } from "../account/user.js";
import type { Totals } from "../cart/pricing.js";
import { receiptOf, receiptText } from "../cart/receipt.js";
import { combineItems } from "../inventory/stock.js";
import { newPayment, type PaymentMethod } from "../payment/payment.js";
import { err, ok, type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { orderNotification, stockItems, type Effect, type Order, type OrderBuyer, type ProviderCall, type Transition } from "./order.js";

export type PlaceOrderError =
  | { readonly code: "EMPTY_CART" }
  | { readonly code: "COD_UNAVAILABLE" }
  | { readonly code: "CURRENCY_MISMATCH"; readonly expected: string; readonly actual: string };

export interface PlaceOrderInput {
  readonly orderId: string;
  /** The store's next order number (`orderNumber(sequence)`), allocated in the placing unit of work. */
  readonly orderNumber: string;
  /** The shopper's account; null for a guest, who gives `guest` instead. */
  readonly userId: string | null;
  readonly guest: GuestContact | null;
  /** `couponHolders` of whoever orders: the keys the coupon's per-customer limit counts. */
  readonly couponHolders: readonly string[];
  /** From `reviewCart` with no problems: the amounts the order keeps for good. */
  readonly totals: Totals;
  readonly address: Address;
  /** A business purchase's GSTIN and name, already validated; absent or null for a consumer. */
  readonly buyer?: OrderBuyer | null;
  readonly paymentMethod: PaymentMethod;
  readonly idempotencyKey: string;
  readonly now: Date;
  readonly settings: StoreSettings;
}

/** A guest signs in as nobody: their placement is recorded as the guest checkout's doing. */
const guestCheckoutActor: Actor = { kind: "system", process: "guest_checkout" };

/**
 * Turns a reviewed cart into an order awaiting payment. Effects: reserve the stock (the
 * adapter's guarded reservation is what makes overselling impossible), redeem the coupon,
 * announce the order. A card order also asks for a payment intent after commit. The order
 * expires `paymentExpiryMinutes` later unless it is paid (wallet) or accepted (cash on
 * delivery) first.
 */
export function placeOrder(input: PlaceOrderInput): Result<Transition, PlaceOrderError> {
  const { totals, settings, now } = input;
  if (totals.lines.length === 0) return err({ code: "EMPTY_CART" });
  if (input.paymentMethod === "cod" && !settings.codEnabled) return err({ code: "COD_UNAVAILABLE" });
  if (totals.currency !== settings.currency) return err({ code: "CURRENCY_MISMATCH", expected: settings.currency, actual: totals.currency });
  if ((input.userId === null) === (input.guest === null)) throw new Error("an order is placed by an account or by a guest, exactly one");
  // Wallet money belongs to an account; the guest checkout input never offers it.
  if (input.userId === null && input.paymentMethod === "wallet") throw new Error("a guest cannot pay from a wallet");
  const actor: Actor = input.userId === null ? guestCheckoutActor : { kind: "shopper", userId: input.userId };
  const order: Order = {
    id: input.orderId,
    number: input.orderNumber,
    userId: input.userId,
    guest: input.guest,
    couponHolders: totals.couponCode ? input.couponHolders : [],
    status: "pending_payment",
    currency: totals.currency,
    lines: totals.lines,
    subtotal: totals.subtotal,
    discount: totals.discount,
    deliveryFee: totals.deliveryFee,
    tax: totals.tax,
    total: totals.total,
    couponCode: totals.couponCode,
    deliveryOptionId: totals.deliveryOptionId,
    address: input.address,
    ...(input.buyer && { buyer: input.buyer }),
    payment: newPayment(input.paymentMethod, totals.total),
    tracking: null,
    returns: [],
    cancelReason: null,
    idempotencyKey: input.idempotencyKey,
    placedAt: now,
    expiresAt: new Date(now.getTime() + settings.paymentExpiryMinutes * 60_000),
    deliveredAt: null,
    history: [{ kind: "status", at: now, actor, event: "place", from: null, to: "pending_payment", note: null }],
    version: 1,
  };
  const effects: Effect[] = [{ type: "reserve_stock", items: combineItems(stockItems(order)) }];
  if (order.couponCode) effects.push({ type: "redeem_coupon", couponCode: order.couponCode, holders: order.couponHolders });
  effects.push(orderNotification(order, "order_placed", "placed", { totalMinor: String(order.total.minor), receipt: receiptText(receiptOf(order)).join("\n") }));
  const afterCommit: ProviderCall[] = input.paymentMethod === "card" && order.total.minor > 0 ? [intentCallFor(order)] : [];
  return ok({ order, effects, afterCommit });
}

/**
 * The provider call that creates a card order's payment intent. Its idempotency key depends on
 * the order alone, so repeating the call (a replayed checkout, a crash before the intent was
 * attached) returns the same intent instead of a second one.
 */
export function intentCallFor(order: Order): ProviderCall & { readonly type: "create_intent" } {
  return { type: "create_intent", orderId: order.id, amount: order.total, idempotencyKey: `order:${order.id}:intent` };
}

/** Remembers the provider's intent on the order once it exists (after the placement commit). */
export function attachPaymentIntent(order: Order, intentId: string): Order {
  return { ...order, payment: { ...order.payment, providerIntentId: intentId }, version: order.version + 1 };
}
