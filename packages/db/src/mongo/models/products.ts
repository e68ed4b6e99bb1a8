import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

/**
 * A product without its variants (they live in `variants`, where stock is guarded). The last
 * five fields are denormalised for search and listing, and rewritten in the same transaction
 * as any change to the product, its variants or its category (ADR 027).
 */
export interface ProductDoc {
  _id: string;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  active: boolean;
  images: string[];
  /** Alt text of each image, index for index (ADR 148); filled at open for products stored before it. */
  imageAlts: string[];
  taxRateBp: number | null;
  hsnCode?: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The category's name, a source of the search tokens ("kurta" finds the "Kurtas" category). */
  categoryName: string;
  /** Every variant's SKU, a source of the search tokens. */
  skus: string[];
  /** The cheapest active variant's price; null without one. Price filters and sorts use it. */
  minPriceMinor: number | null;
  /** Distinct words of name, description, SKUs and category name; a search matches every query word as a prefix of one. */
  searchTokens: string[];
  /** Distinct words of the name and SKUs: a query word found here ranks the product higher. */
  nameTokens: string[];
  /** The name as SQLite's NOCASE compares it: the `name_asc` sort key. */
  nameKey: string;
  /** `minPriceMinor`, or a sentinel that sorts a product without a price last: the sort keys of `price_asc` and `price_desc`. */
  priceAscKey: number;
  priceDescKey: number;
}

export const productSchema = new Schema<ProductDoc>(
  {
    _id: stringId,
    slug: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: "" },
    categoryId: { type: String, required: true },
    active: { type: Boolean, required: true },
    images: { type: [String], default: [] },
    imageAlts: { type: [String], default: [] },
    taxRateBp: nullable(Number),
    // No default: a product without a code reads back without one, as it was written.
    hsnCode: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    categoryName: { type: String, default: "" },
    skus: { type: [String], default: [] },
    minPriceMinor: nullable(Number),
    searchTokens: { type: [String], default: [] },
    nameTokens: { type: [String], default: [] },
    nameKey: { type: String, required: true },
    priceAscKey: { type: Number, required: true },
    priceDescKey: { type: Number, required: true },
  },
  collectionOptions("products"),
);
productSchema.index({ slug: 1 }, { unique: true, name: "slug_unique" });
// Multikey: each anchored prefix regex of a search (`/^kur/`) is a range scan on it. Text
// indexes cannot match prefixes, so search does not use `$text` (ADR 027).
productSchema.index({ searchTokens: 1 }, { name: "search_tokens" });
// Listing paths: each sort key with `_id` as the tie-breaker the cursor relies on, with and without
// a category. Names and prices sort by stored keys (case folded as SQLite's NOCASE, missing prices
// last both ways), so both engines list in one order (ADR 081).
productSchema.index({ createdAt: -1, _id: -1 }, { name: "newest" });
productSchema.index({ priceAscKey: 1, _id: 1 }, { name: "price_asc" });
productSchema.index({ priceDescKey: -1, _id: -1 }, { name: "price_desc" });
productSchema.index({ nameKey: 1, _id: 1 }, { name: "name_key" });
productSchema.index({ categoryId: 1, createdAt: -1, _id: -1 }, { name: "category_newest" });
productSchema.index({ categoryId: 1, priceAscKey: 1, _id: 1 }, { name: "category_price_asc" });
productSchema.index({ categoryId: 1, priceDescKey: -1, _id: -1 }, { name: "category_price_desc" });
productSchema.index({ categoryId: 1, nameKey: 1, _id: 1 }, { name: "category_name_key" });

export const productUniqueIndexes: UniqueIndexNames = { slug_unique: "products.slug" };
