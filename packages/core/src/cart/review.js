import { isPurchasable, taxRateFor } from "../catalog/catalog.js";
import { available } from "../inventory/stock.js";
import { expectOk } from "../result.js";
import { findDeliveryOption } from "../settings/settings.js";
import { checkCoupon } from "./coupon.js";
import { priceLines } from "./pricing.js";
/**
 * Re-checks a cart against the live catalog: on every cart change and again at checkout.
 * Returns every problem at once (not just the first), and totals the shopper would pay for
 * what is still sellable. Checkout refuses unless `problems` is empty.
 */
export function reviewCart(cart, context) {
    const { settings } = context;
    const problems = cart.lines.length === 0 ? [{ code: "EMPTY_CART" }] : [];
    const lines = [];
    for (const line of cart.lines) {
        const entry = context.entries.get(line.variantId);
        if (!entry) {
            problems.push({ code: "VARIANT_UNAVAILABLE", variantId: line.variantId });
            continue;
        }
        const { product, variant } = entry;
        const sku = variant.sku;
        if (!isPurchasable(entry)) {
            problems.push({ code: "PRODUCT_INACTIVE", variantId: variant.id, sku });
            continue;
        }
        if (variant.price.currency !== settings.currency) {
            problems.push({ code: "CURRENCY_MISMATCH", variantId: variant.id, sku });
            continue;
        }
        const free = available(variant.stock);
        if (line.quantity > free) {
            problems.push({ code: "OUT_OF_STOCK", variantId: variant.id, sku, requested: line.quantity, available: free });
        }
        if (line.unitPrice.minor !== variant.price.minor || line.unitPrice.currency !== variant.price.currency) {
            problems.push({ code: "PRICE_CHANGED", variantId: variant.id, sku, was: line.unitPrice, now: variant.price });
        }
        lines.push({
            variantId: variant.id,
            productId: product.id,
            sku,
            name: lineName(entry),
            quantity: line.quantity,
            unitPrice: variant.price,
            taxRateBp: taxRateFor(product, settings.taxRateBp),
        });
    }
    const fallback = settings.deliveryOptions[0];
    if (!fallback)
        throw new Error("reviewCart: the store has no delivery options");
    const delivery = findDeliveryOption(settings, context.deliveryOptionId);
    if (!delivery)
        problems.push({ code: "DELIVERY_OPTION_UNAVAILABLE", deliveryOptionId: context.deliveryOptionId });
    const price = (coupon) => expectOk(priceLines({ currency: settings.currency, lines, coupon, delivery: delivery ?? fallback }), "reviewCart");
    const undiscounted = price(null);
    if (cart.couponCode === null)
        return { problems, totals: undiscounted };
    const coupon = validCoupon(cart.couponCode, undiscounted.subtotal, context, problems);
    return { problems, totals: coupon ? price(coupon) : undiscounted };
}
/** How a line is named on the cart, the order and the receipt: the product, then the variant if it has a name. */
export function lineName({ product, variant }) {
    return variant.name ? `${product.name} — ${variant.name}` : product.name;
}
function validCoupon(code, subtotal, context, problems) {
    if (!context.coupon) {
        problems.push({ code: "COUPON_INVALID", couponCode: code, reason: "not_found" });
        return null;
    }
    const checked = checkCoupon(context.coupon, { subtotal, now: context.now, customerUses: context.customerCouponUses });
    if (checked.ok)
        return checked.value;
    problems.push(checked.error);
    return null;
}
//# sourceMappingURL=review.js.map