import { receiptOf, receiptText } from "../cart/receipt.js";
import { combineItems } from "../inventory/stock.js";
import { newPayment } from "../payment/payment.js";
import { err, ok } from "../result.js";
import { orderNotification, stockItems } from "./order.js";
/**
 * Turns a reviewed cart into an order awaiting payment. Effects: reserve the stock (the
 * adapter's guarded reservation is what makes overselling impossible), redeem the coupon,
 * announce the order. A card order also asks for a payment intent after commit. The order
 * expires `paymentExpiryMinutes` later unless it is paid (wallet) or accepted (cash on
 * delivery) first.
 */
export function placeOrder(input) {
    const { totals, settings, now } = input;
    if (totals.lines.length === 0)
        return err({ code: "EMPTY_CART" });
    if (input.paymentMethod === "cod" && !settings.codEnabled)
        return err({ code: "COD_UNAVAILABLE" });
    if (totals.currency !== settings.currency)
        return err({ code: "CURRENCY_MISMATCH", expected: settings.currency, actual: totals.currency });
    const actor = { kind: "shopper", userId: input.userId };
    const order = {
        id: input.orderId,
        number: input.orderNumber,
        userId: input.userId,
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
        payment: newPayment(input.paymentMethod, totals.total),
        tracking: null,
        returnReason: null,
        restocked: null,
        cancelReason: null,
        idempotencyKey: input.idempotencyKey,
        placedAt: now,
        expiresAt: new Date(now.getTime() + settings.paymentExpiryMinutes * 60_000),
        deliveredAt: null,
        history: [{ kind: "status", at: now, actor, event: "place", from: null, to: "pending_payment", note: null }],
        version: 1,
    };
    const effects = [{ type: "reserve_stock", items: combineItems(stockItems(order)) }];
    if (order.couponCode)
        effects.push({ type: "redeem_coupon", couponCode: order.couponCode, userId: order.userId });
    effects.push(orderNotification(order, "order_placed", "placed", { totalMinor: String(order.total.minor), receipt: receiptText(receiptOf(order)).join("\n") }));
    const afterCommit = input.paymentMethod === "card" && order.total.minor > 0 ? [intentCallFor(order)] : [];
    return ok({ order, effects, afterCommit });
}
/**
 * The provider call that creates a card order's payment intent. Its idempotency key depends on
 * the order alone, so repeating the call (a replayed checkout, a crash before the intent was
 * attached) returns the same intent instead of a second one.
 */
export function intentCallFor(order) {
    return { type: "create_intent", orderId: order.id, amount: order.total, idempotencyKey: `order:${order.id}:intent` };
}
/** Remembers the provider's intent on the order once it exists (after the placement commit). */
export function attachPaymentIntent(order, intentId) {
    return { ...order, payment: { ...order.payment, providerIntentId: intentId }, version: order.version + 1 };
}
//# sourceMappingURL=place.js.map