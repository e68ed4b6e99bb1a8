import { err, ok } from "../result.js";
/** The most of one variant a single order may hold; keeps line totals far from overflow. */
export const MAX_LINE_QUANTITY = 99;
function quantityOf(cart, variantId) {
    return cart.lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
}
function withLine(cart, line, now) {
    const exists = cart.lines.some((l) => l.variantId === line.variantId);
    const lines = exists ? cart.lines.map((l) => (l.variantId === line.variantId ? line : l)) : [...cart.lines, line];
    return { ...cart, lines, updatedAt: now };
}
/**
 * Adds units of a variant. Adding a variant already in the cart increases that line, so the
 * same variant is always one line, and the line keeps the price the shopper last accepted: a
 * price change since then stays a PRICE_CHANGED problem until they accept it (`acceptPrice`),
 * rather than being taken silently because more units were added. Refused beyond `MAX_LINE_QUANTITY`.
 */
export function addItem(cart, item, now) {
    const existing = cart.lines.find((line) => line.variantId === item.variantId);
    const quantity = (existing?.quantity ?? 0) + item.quantity;
    if (quantity > MAX_LINE_QUANTITY)
        return err({ code: "QUANTITY_LIMIT", variantId: item.variantId, max: MAX_LINE_QUANTITY });
    return ok(withLine(cart, { ...item, quantity, unitPrice: existing?.unitPrice ?? item.unitPrice }, now));
}
/** Sets a line's quantity; zero removes the line. */
export function setQuantity(cart, variantId, quantity, now) {
    const line = cart.lines.find((l) => l.variantId === variantId);
    if (!line)
        return err({ code: "NOT_IN_CART", variantId });
    if (quantity > MAX_LINE_QUANTITY)
        return err({ code: "QUANTITY_LIMIT", variantId, max: MAX_LINE_QUANTITY });
    return ok(quantity === 0 ? removeItem(cart, variantId, now) : withLine(cart, { ...line, quantity }, now));
}
/** Removes a variant's line; removing what is not there changes nothing but the time. */
export function removeItem(cart, variantId, now) {
    return { ...cart, lines: cart.lines.filter((l) => l.variantId !== variantId), updatedAt: now };
}
/** Coupon codes are case-insensitive; stored upper-case. */
export function normalizeCouponCode(code) {
    return code.trim().toUpperCase();
}
/** Attaches a coupon code (checked when the cart is reviewed) or, with null, removes it. */
export function setCoupon(cart, code, now) {
    return { ...cart, couponCode: code === null ? null : normalizeCouponCode(code), updatedAt: now };
}
/** After the shopper saw a price change, the line takes the current price. */
export function acceptPrice(cart, variantId, price, now) {
    return { ...cart, lines: cart.lines.map((l) => (l.variantId === variantId ? { ...l, unitPrice: price } : l)), updatedAt: now };
}
/**
 * A guest cart merging into the shopper's cart at login: quantities of the same variant add
 * up, capped at what is available to sell (`available`, by variant id; a variant missing from
 * it has nothing to sell) and at `MAX_LINE_QUANTITY`; a guest line left with nothing is
 * dropped. The shopper's own lines that the guest did not touch stay as they were, and the
 * shopper's coupon wins over the guest's.
 */
export function mergeCarts(userCart, guestCart, context) {
    const { now } = context;
    let merged = { ...userCart, couponCode: userCart.couponCode ?? guestCart.couponCode, updatedAt: now };
    for (const line of guestCart.lines) {
        const cap = Math.min(MAX_LINE_QUANTITY, context.available.get(line.variantId) ?? 0);
        const quantity = Math.min(cap, quantityOf(merged, line.variantId) + line.quantity);
        // The shopper's own line keeps the price they accepted; a guest-only line brings the price the guest saw.
        const unitPrice = merged.lines.find((l) => l.variantId === line.variantId)?.unitPrice ?? line.unitPrice;
        merged = quantity > 0 ? withLine(merged, { ...line, quantity, unitPrice }, now) : removeItem(merged, line.variantId, now);
    }
    return merged;
}
//# sourceMappingURL=cart.js.map