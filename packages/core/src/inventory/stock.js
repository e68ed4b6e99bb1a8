import { err, ok } from "../result.js";
function positive(quantity) {
    if (!Number.isSafeInteger(quantity) || quantity <= 0)
        throw new RangeError(`stock: bad quantity ${quantity}`);
    return quantity;
}
/** What can still be sold: on hand minus reserved. */
export function available(level) {
    return level.onHand - level.reserved;
}
/** Placement: holds `quantity` for an order, refused when fewer are available (never oversold). */
export function reserve(level, quantity) {
    const free = available(level);
    if (positive(quantity) > free)
        return err({ code: "OUT_OF_STOCK", requested: quantity, available: free });
    return ok({ onHand: level.onHand, reserved: level.reserved + quantity });
}
/** Cancellation or expiry before confirmation: gives a reservation back. */
export function release(level, quantity) {
    if (positive(quantity) > level.reserved)
        return err({ code: "NOT_RESERVED", requested: quantity, reserved: level.reserved });
    return ok({ onHand: level.onHand, reserved: level.reserved - quantity });
}
/** Confirmation: the reserved units are sold, leaving both on-hand and reserved. */
export function commit(level, quantity) {
    if (positive(quantity) > level.reserved)
        return err({ code: "NOT_RESERVED", requested: quantity, reserved: level.reserved });
    return ok({ onHand: level.onHand - quantity, reserved: level.reserved - quantity });
}
/** Units come back (a cancelled confirmed order, a received return the admin restocks). */
export function restock(level, quantity) {
    return { onHand: level.onHand + positive(quantity), reserved: level.reserved };
}
/**
 * An admin's counted correction of on-hand stock. Refused if it would drop on-hand below
 * what is already reserved, which would oversell placed orders.
 */
export function adjustOnHand(level, delta) {
    if (!Number.isSafeInteger(delta))
        throw new RangeError(`stock: bad delta ${delta}`);
    const onHand = level.onHand + delta;
    if (onHand < level.reserved)
        return err({ code: "BELOW_RESERVED", onHand, reserved: level.reserved });
    return ok({ onHand, reserved: level.reserved });
}
/** Low stock for the admin dashboard: few left to sell, but the variant still matters. */
export function isLowStock(level, threshold) {
    return available(level) <= threshold;
}
/** Merges items of the same variant, so a reservation touches each variant once. */
export function combineItems(items) {
    const byVariant = new Map();
    for (const item of items) {
        const seen = byVariant.get(item.variantId);
        byVariant.set(item.variantId, seen ? { ...seen, quantity: seen.quantity + item.quantity } : item);
    }
    return [...byVariant.values()];
}
//# sourceMappingURL=stock.js.map