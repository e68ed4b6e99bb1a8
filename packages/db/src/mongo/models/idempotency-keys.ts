import { Schema } from "mongoose";
import { IDEMPOTENCY_KEY_RETENTION_DAYS, type IdempotencyScope } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions } from "./shared.js";

const IDEMPOTENCY_RETENTION_SECONDS = IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400;

/** Every open record's `openSince` is after this; null (closed) is not. The partial index's filter and `findOpen`'s query share it. */
export const OPEN_SINCE_FLOOR = new Date(0);

export interface IdempotencyKeyDoc {
  userId: string;
  scope: IdempotencyScope;
  key: string;
  requestHash: string;
  resultId: string;
  createdAt: Date;
  /** Absent on records stored before top-ups could be left open (all of them closed, or credited since). */
  openSince?: Date | null;
}

export const idempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    userId: { type: String, required: true },
    scope: { type: String, required: true },
    key: { type: String, required: true },
    requestHash: { type: String, required: true },
    resultId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    openSince: { type: Date, default: null },
  },
  collectionOptions("idempotency_keys"),
);
idempotencyKeySchema.index({ userId: 1, scope: 1, key: 1 }, { unique: true, name: "user_scope_key_unique" });
// Retention: kept 30 days, far past any replay window (checkout replays for 24 h, then refuses the key as expired).
// `findOpen`: top-ups still waiting for their payment (few at any time, hence partial). A range, not
// `$ne: null`, so the planner can prove a query's range lies inside it (ADR 080); the query repeats it.
idempotencyKeySchema.index({ scope: 1, openSince: 1 }, { name: "open_since", partialFilterExpression: { openSince: { $gt: OPEN_SINCE_FLOOR } } });
idempotencyKeySchema.index({ createdAt: 1 }, { name: "created_ttl", expireAfterSeconds: IDEMPOTENCY_RETENTION_SECONDS });

export const idempotencyKeyUniqueIndexes: UniqueIndexNames = { user_scope_key_unique: "idempotency_keys.user_scope_key" };
