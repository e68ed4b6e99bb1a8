import { available } from "../inventory/stock.js";
/** How a catalog listing may be ordered; `relevance` ranks search matches first. */
export const CATALOG_SORTS = ["relevance", "newest", "price_asc", "price_desc", "name_asc"];
/** An admin listing's status filter: products on sale, or archived (taken off the shop). */
export const PRODUCT_STATUSES = ["active", "archived"];
/** Sellable means both the product and the variant are switched on. */
export function isPurchasable(entry) {
    return entry.product.active && entry.variant.active;
}
/** In stock means at least one unit of an active variant can be reserved. */
export function isInStock(product) {
    return product.variants.some((variant) => variant.active && available(variant.stock) > 0);
}
/** The tax rate that applies to a product: its own, else the store's. */
export function taxRateFor(product, storeRateBp) {
    return product.taxRateBp ?? storeRateBp;
}
/** Cheapest and dearest active variant, for "from ₹499" on listings; null without any. */
export function priceRange(product) {
    const prices = product.variants.filter((v) => v.active).map((v) => v.price);
    const first = prices[0];
    if (!first)
        return null;
    let low = first;
    let high = first;
    for (const price of prices) {
        if (price.minor < low.minor)
            low = price;
        if (price.minor > high.minor)
            high = price;
    }
    return { min: low, max: high };
}
/** URL-safe slug from a name ("Cotton Kurta – Blue" → "cotton-kurta-blue"). */
export function slugify(name) {
    return name
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
//# sourceMappingURL=catalog.js.map