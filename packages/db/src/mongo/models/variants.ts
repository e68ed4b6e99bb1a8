import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, moneySchema, stringId, type MoneyDoc } from "./shared.js";

/**
 * A variant and its stock. `available` is kept equal to `onHand − reserved` by every write
 * (each `$inc` moves both sides), so guards are plain field comparisons such as
 * `{ available: { $gte: qty } }` — no `$expr` needed — and one document update is atomic.
 */
export interface VariantDoc {
  _id: string;
  productId: string;
  /** Order of the variant within its product, as the admin created them. */
  position: number;
  sku: string;
  name: string;
  price: MoneyDoc;
  active: boolean;
  onHand: number;
  reserved: number;
  available: number;
}

export const variantSchema = new Schema<VariantDoc>(
  {
    _id: stringId,
    productId: { type: String, required: true },
    position: { type: Number, required: true },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    price: { type: moneySchema, required: true },
    active: { type: Boolean, required: true },
    onHand: { type: Number, required: true, min: 0 },
    reserved: { type: Number, required: true, min: 0 },
    available: { type: Number, required: true, min: 0 },
  },
  collectionOptions("variants"),
);
variantSchema.index({ sku: 1 }, { unique: true, name: "sku_unique" });
variantSchema.index({ productId: 1, position: 1 }, { name: "product_position" });
// Low-stock report and the in-stock filter.
variantSchema.index({ active: 1, available: 1 }, { name: "active_available" });

export const variantUniqueIndexes: UniqueIndexNames = { sku_unique: "variants.sku" };
