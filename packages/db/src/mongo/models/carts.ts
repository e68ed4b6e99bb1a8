import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, moneySchema, nullable, stringId, type MoneyDoc } from "./shared.js";

/** How long a guest cart is kept after its last change: the cart cookie's 30 days. */
export const GUEST_CART_RETENTION_SECONDS = 30 * 86_400;

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
// One cart per owner. The partial filters are ranges (`$gt: ""` holds every non-empty string and no
// null): the planner proves `{ userId: "u1" }` falls inside a range, never inside a `$type` filter,
// so these indexes also serve every cart read (ADR 080).
cartSchema.index({ userId: 1 }, { unique: true, name: "user_unique", partialFilterExpression: { userId: { $gt: "" } } });
cartSchema.index({ guestId: 1 }, { unique: true, name: "guest_unique", partialFilterExpression: { guestId: { $gt: "" } } });

// Retention: a guest cart untouched for 30 days (the cart cookie's lifetime) can no longer be reached; the server deletes it.
cartSchema.index({ updatedAt: 1 }, { name: "guest_ttl", expireAfterSeconds: GUEST_CART_RETENTION_SECONDS, partialFilterExpression: { guestId: { $gt: "" } } });

export const cartUniqueIndexes: UniqueIndexNames = { user_unique: "carts.owner", guest_unique: "carts.owner" };
