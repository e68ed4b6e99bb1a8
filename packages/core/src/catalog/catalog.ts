import type { Money } from "../money/money.js";
import type { StockLevel } from "../inventory/stock.js";
import { available } from "../inventory/stock.js";

/** How a catalog listing may be ordered; `relevance` puts first the matches whose name or SKU holds more of the search words, newest first among equals (decision 165), and means newest without a search. */
export const CATALOG_SORTS = ["relevance", "newest", "price_asc", "price_desc", "name_asc"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** An admin listing's status filter: products on sale, or archived (taken off the shop). */
export const PRODUCT_STATUSES = ["active", "archived"] as const;
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
  /** Alt text of each image, at the same index; "" where the admin wrote none (ADR 148). */
  readonly imageAlts: readonly string[];
  /** Overrides the store tax rate when set (basis points). */
  readonly taxRateBp: number | null;
  /** HSN code (goods) or SAC (services) its invoice lines print; absent or null until an admin sets it. */
  readonly hsnCode?: string | null;
  readonly variants: readonly Variant[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * A product as the shop's listing cards show it: what a listing finds, read without the fields no
 * card shows (description, tax, HSN code, timestamps), so a page of them costs less (decision 177).
 */
export type ListedProduct = Pick<Product, "id" | "slug" | "name" | "categoryId" | "images" | "imageAlts" | "variants">;

/**
 * A product as a line of a cart, an order or an invoice needs it: without its description, its other
 * variants or its timestamps, which no line shows and a checkout read twice for nothing (decision 182).
 */
export type EntryProduct = Omit<Product, "description" | "variants" | "createdAt" | "updatedAt">;

/** A variant together with the product that sells it: what a cart line resolves to. */
export interface CatalogEntry {
  readonly product: EntryProduct;
  readonly variant: Variant;
}

/** The part of `product` a catalog entry carries: what an adapter that reads whole products returns. */
export function entryProduct(product: Product): EntryProduct {
  const { id, slug, name, categoryId, active, images, imageAlts, taxRateBp } = product;
  return { id, slug, name, categoryId, active, images, imageAlts, taxRateBp, ...(product.hsnCode !== undefined && { hsnCode: product.hsnCode }) };
}

/** Sellable means both the product and the variant are switched on. */
export function isPurchasable(entry: CatalogEntry): boolean {
  return entry.product.active && entry.variant.active;
}

/** In stock means at least one unit of an active variant can be reserved. */
export function isInStock(product: Pick<Product, "variants">): boolean {
  return product.variants.some((variant) => variant.active && available(variant.stock) > 0);
}

/** The tax rate that applies to a product: its own, else the store's. */
export function taxRateFor(product: Pick<Product, "taxRateBp">, storeRateBp: number): number {
  return product.taxRateBp ?? storeRateBp;
}

/** Cheapest and dearest active variant, for "from ₹499" on listings; null without any. */
export function priceRange(product: Pick<Product, "variants">): { readonly min: Money; readonly max: Money } | null {
  const prices = product.variants.filter((v) => v.active).map((v) => v.price);
  const first = prices[0];
  if (!first) return null;
  let low = first;
  let high = first;
  for (const price of prices) {
    if (price.minor < low.minor) low = price;
    if (price.minor > high.minor) high = price;
  }
  return { min: low, max: high };
}

/** URL-safe slug from a name ("Cotton Kurta – Blue" → "cotton-kurta-blue"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
