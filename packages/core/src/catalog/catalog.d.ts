import type { Money } from "../money/money.js";
import type { StockLevel } from "../inventory/stock.js";
/** How a catalog listing may be ordered; `relevance` ranks search matches first. */
export declare const CATALOG_SORTS: readonly ["relevance", "newest", "price_asc", "price_desc", "name_asc"];
export type CatalogSort = (typeof CATALOG_SORTS)[number];
/** An admin listing's status filter: products on sale, or archived (taken off the shop). */
export declare const PRODUCT_STATUSES: readonly ["active", "archived"];
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export interface Category {
    readonly id: string;
    readonly slug: string;
    readonly name: string;
    readonly parentId: string | null;
    /** Place among its siblings, 0 first; siblings are renumbered 0…n-1 by every reorder. */
    readonly position: number;
    /** Shown on the shop's category page. */
    readonly description: string;
    /** Storage key of the category's picture, or none. */
    readonly image: string | null;
    /** Set while archived: hidden from the shop, and no product or child may be put in it. */
    readonly archivedAt: Date | null;
}
/** A sellable version of a product (size, colour…). The SKU is unique across the store. */
export interface Variant {
    readonly id: string;
    readonly productId: string;
    readonly sku: string;
    readonly name: string;
    /** Tax-inclusive unit price in the store currency. */
    readonly price: Money;
    readonly stock: StockLevel;
    readonly active: boolean;
}
export interface Product {
    readonly id: string;
    readonly slug: string;
    readonly name: string;
    readonly description: string;
    readonly categoryId: string;
    readonly active: boolean;
    /** Keys in file storage, first is the cover. */
    readonly images: readonly string[];
    /** Overrides the store tax rate when set (basis points). */
    readonly taxRateBp: number | null;
    readonly variants: readonly Variant[];
    readonly createdAt: Date;
    readonly updatedAt: Date;
}
/** A variant together with the product that sells it: what a cart line resolves to. */
export interface CatalogEntry {
    readonly product: Product;
    readonly variant: Variant;
}
/** Sellable means both the product and the variant are switched on. */
export declare function isPurchasable(entry: CatalogEntry): boolean;
/** In stock means at least one unit of an active variant can be reserved. */
export declare function isInStock(product: Product): boolean;
/** The tax rate that applies to a product: its own, else the store's. */
export declare function taxRateFor(product: Product, storeRateBp: number): number;
/** Cheapest and dearest active variant, for "from ₹499" on listings; null without any. */
export declare function priceRange(product: Product): {
    readonly min: Money;
    readonly max: Money;
} | null;
/** URL-safe slug from a name ("Cotton Kurta – Blue" → "cotton-kurta-blue"). */
export declare function slugify(name: string): string;
//# sourceMappingURL=catalog.d.ts.map