import { Schema } from "mongoose";

/**
 * Options every collection shares. `strict: "throw"` makes a field the schema does not know an
 * error instead of a silent drop, so a domain type that grows a field fails tests until the
 * schema mirrors it. `minimize: false` keeps empty objects (audit details) as written.
 */
export function collectionOptions(collection: string) {
  return { collection, versionKey: false, autoCreate: false, autoIndex: false, minimize: false, strict: "throw", strictQuery: "throw" } as const;
}

/** Money as stored: integer minor units plus currency, exactly the domain `Money`. */
export interface MoneyDoc {
  minor: number;
  currency: string;
}

export const moneySchema = new Schema<MoneyDoc>(
  {
    minor: { type: Number, required: true, validate: { validator: Number.isSafeInteger, message: "minor units must be a safe integer" } },
    currency: { type: String, required: true },
  },
  { _id: false, strict: "throw" },
);

/** A nullable field: mongoose `required` rejects null, so nullable fields default to null instead. */
export function nullable<T>(type: T): { type: T; default: null } {
  return { type, default: null };
}

/** A string `_id`: every domain id is a string chosen by the application, never an ObjectId. */
export const stringId = { type: String, required: true } as const;
