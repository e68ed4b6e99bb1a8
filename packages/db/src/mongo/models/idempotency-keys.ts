import { Schema } from "mongoose";
import type { IdempotencyScope } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions } from "./shared.js";

export interface IdempotencyKeyDoc {
  userId: string;
  scope: IdempotencyScope;
  key: string;
  requestHash: string;
  resultId: string;
  createdAt: Date;
}

export const idempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    userId: { type: String, required: true },
    scope: { type: String, required: true },
    key: { type: String, required: true },
    requestHash: { type: String, required: true },
    resultId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  collectionOptions("idempotency_keys"),
);
idempotencyKeySchema.index({ userId: 1, scope: 1, key: 1 }, { unique: true, name: "user_scope_key_unique" });

export const idempotencyKeyUniqueIndexes: UniqueIndexNames = { user_scope_key_unique: "idempotency_keys.user_scope_key" };
