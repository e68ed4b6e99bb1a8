import { Schema } from "mongoose";
import { collectionOptions, stringId } from "./shared.js";

/** Which zone the rollups' days are in, whether every order is in them, and which rebuild wrote them. */
export interface RollupStateDoc {
  _id: string;
  timeZone: string;
  complete: boolean;
  generation: string;
}

/** The one state document's `_id`. */
export const ROLLUP_STATE_ID = "sales";

/**
 * One bucket of a day's figures in one currency (ADR 131, like ADR 082's balances): `_id`
 * `day|currency#0…15`; a day's figures are the sum of its buckets. Fields may be negative in one
 * bucket (a refund lands in another bucket than the sale); only sums mean something.
 */
export interface RollupDayDoc {
  _id: string;
  day: string;
  currency: string;
  orders: number;
  gross: number;
  refunds: number;
  units: number;
}

/** One bucket of a product's units and revenue on a day in one currency: `_id` `day|currency|productId#0…15`. */
export interface RollupProductDoc {
  _id: string;
  day: string;
  currency: string;
  productId: string;
  units: number;
  revenue: number;
}

const count = { type: Number, required: true, validate: Number.isSafeInteger };

export const rollupStateSchema = new Schema<RollupStateDoc>(
  {
    _id: stringId,
    timeZone: { type: String, required: true },
    complete: { type: Boolean, required: true },
    generation: { type: String, required: true },
  },
  collectionOptions("rollup_state"),
);

export const rollupDaySchema = new Schema<RollupDayDoc>(
  {
    _id: stringId,
    day: { type: String, required: true },
    currency: { type: String, required: true },
    orders: count,
    gross: count,
    refunds: count,
    units: count,
  },
  collectionOptions("sales_rollup_days"),
);
rollupDaySchema.index({ day: 1, currency: 1 }, { name: "day_currency" });

export const rollupProductSchema = new Schema<RollupProductDoc>(
  {
    _id: stringId,
    day: { type: String, required: true },
    currency: { type: String, required: true },
    productId: { type: String, required: true },
    units: count,
    revenue: count,
  },
  collectionOptions("sales_rollup_products"),
);
rollupProductSchema.index({ currency: 1, day: 1, productId: 1 }, { name: "currency_day_product" });
rollupProductSchema.index({ day: 1 }, { name: "day" });
