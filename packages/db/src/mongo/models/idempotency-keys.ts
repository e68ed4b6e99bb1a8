import { Schema } from "mongoose";
import { IDEMPOTENCY_KEY_RETENTION_DAYS, type IdempotencyScope } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions } from "./shared.js";

const IDEMPOTENCY_RETENTION_SECONDS = IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400;

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
// Retention: kept 30 days, far past any replay window (checkout replays for 24 h, then refuses the key as expired).
idempotencyKeySchema.index({ createdAt: 1 }, { name: "created_ttl", expireAfterSeconds: IDEMPOTENCY_RETENTION_SECONDS });

export const idempotencyKeyUniqueIndexes: UniqueIndexNames = { user_scope_key_unique: "idempotency_keys.user_scope_key" };
