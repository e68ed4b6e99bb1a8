import { Schema } from "mongoose";
import { collectionOptions, moneySchema, nullable, stringId, type MoneyDoc } from "./shared.js";

export interface CartLineDoc {
  variantId: string;
  quantity: number;
  unitPrice: MoneyDoc;
}

export interface CartDoc {
  _id: string;
  userId: string | null;
  guestId: string | null;
  currency: string;
  lines: CartLineDoc[];
  couponCode: string | null;
  updatedAt: Date;
}

const cartLineSchema = new Schema<CartLineDoc>(
  {
    variantId: { type: String, required: true },
    quantity: { type: Number, required: true },
    unitPrice: { type: moneySchema, required: true },
  },
  { _id: false, strict: "throw" },
);

export const cartSchema = new Schema<CartDoc>(
  {
    _id: stringId,
    userId: nullable(String),
    guestId: nullable(String),
    currency: { type: String, required: true },
    lines: { type: [cartLineSchema], default: [] },
    couponCode: nullable(String),
    updatedAt: { type: Date, required: true },
  },
  collectionOptions("carts"),
);
cartSchema.index({ userId: 1 }, { name: "user", partialFilterExpression: { userId: { $type: "string" } } });
cartSchema.index({ guestId: 1 }, { name: "guest", partialFilterExpression: { guestId: { $type: "string" } } });
