import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

/**
 * A product without its variants (they live in `variants`, where stock is guarded). The last
 * three fields are denormalised for search and listing, and rewritten in the same transaction
 * as any change to the variants or the category they come from.
 */
export interface ProductDoc {
  _id: string;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  active: boolean;
  images: string[];
  taxRateBp: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** The category's name, so the text index finds "kurta" under the "Kurtas" category. */
  categoryName: string;
  /** Every variant's SKU, for the text index. */
  skus: string[];
  /** The cheapest active variant's price; null without one. Price filters and sorts use it. */
  minPriceMinor: number | null;
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
    taxRateBp: nullable(Number),
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    categoryName: { type: String, default: "" },
    skus: { type: [String], default: [] },
    minPriceMinor: nullable(Number),
  },
  collectionOptions("products"),
);
productSchema.index({ slug: 1 }, { unique: true, name: "slug_unique" });
productSchema.index(
  { name: "text", skus: "text", categoryName: "text", description: "text" },
  { name: "search_text", weights: { name: 10, skus: 10, categoryName: 4, description: 1 }, default_language: "english" },
);
// Listing paths: each sort with `_id` as the tie-breaker the cursor relies on, with and without a category.
productSchema.index({ createdAt: -1, _id: -1 }, { name: "newest" });
productSchema.index({ minPriceMinor: 1, _id: 1 }, { name: "price" });
productSchema.index({ name: 1, _id: 1 }, { name: "name" });
productSchema.index({ categoryId: 1, createdAt: -1, _id: -1 }, { name: "category_newest" });
productSchema.index({ categoryId: 1, minPriceMinor: 1, _id: 1 }, { name: "category_price" });
productSchema.index({ categoryId: 1, name: 1, _id: 1 }, { name: "category_name" });

export const productUniqueIndexes: UniqueIndexNames = { slug_unique: "products.slug" };
