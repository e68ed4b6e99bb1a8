import { Schema } from "mongoose";
import { COUPON_KINDS, type CouponKind } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, moneySchema, nullable, stringId, type MoneyDoc } from "./shared.js";

/** A coupon keyed by its upper-case code; the kind-specific fields are null for the other kind. */
export interface CouponDoc {
  _id: string;
  description: string | null;
  kind: CouponKind;
  percentBp: number | null;
  maxDiscount: MoneyDoc | null;
  amount: MoneyDoc | null;
  active: boolean;
  minOrder: MoneyDoc | null;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  usedCount: number;
  perCustomerLimit: number | null;
  /** Bumped by every admin edit; coupons stored before edits were versioned get 1 at open. */
  version: number;
}

export const couponSchema = new Schema<CouponDoc>(
  {
    _id: stringId,
    description: nullable(String),
    kind: { type: String, required: true, enum: COUPON_KINDS },
    percentBp: nullable(Number),
    maxDiscount: nullable(moneySchema),
    amount: nullable(moneySchema),
    active: { type: Boolean, required: true },
    minOrder: nullable(moneySchema),
    startsAt: nullable(Date),
    expiresAt: nullable(Date),
    usageLimit: nullable(Number),
    usedCount: { type: Number, required: true, min: 0 },
    perCustomerLimit: nullable(Number),
    version: { type: Number, required: true, min: 1 },
  },
  collectionOptions("coupons"),
);

/** The code is the `_id`, so the primary key is the unique index on codes. */
export const couponUniqueIndexes: UniqueIndexNames = { _id_: "coupons.code" };

/** How many times one customer redeemed one coupon; guarded like stock. */
export interface CouponRedemptionDoc {
  code: string;
  userId: string;
  uses: number;
}

export const couponRedemptionSchema = new Schema<CouponRedemptionDoc>(
  {
    code: { type: String, required: true },
    userId: { type: String, required: true },
    uses: { type: Number, required: true, min: 0 },
  },
  collectionOptions("coupon_redemptions"),
);
couponRedemptionSchema.index({ code: 1, userId: 1 }, { unique: true, name: "code_user_unique" });
