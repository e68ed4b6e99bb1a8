import type { QueryFilter, Model } from "mongoose";
import type { RetentionPort } from "@bbscart/core";
import type { Models } from "./models/index.js";

/** One bounded read of ids, then a delete of those ids that still match (a message revived meanwhile stays). */
async function pruneBatch<T>(model: Model<T>, filter: QueryFilter<T>, limit: number): Promise<number> {
  const ids = (await model.find(filter, { _id: 1 }).limit(limit).lean<Array<{ _id: unknown }>>()).map((doc) => doc._id);
  if (ids.length === 0) return 0;
  const result = await model.deleteMany({ $and: [filter, { _id: { $in: ids } }] } as QueryFilter<T>);
  return result.deletedCount;
}

/**
 * Each kind's filter is served by an index (`status_created_desc`, `status_received_desc`, the TTL
 * indexes). TTL indexes already delete ended sessions and password resets at expiry and idempotency
 * keys after their retention, so there the job mostly finds nothing; the outbox and webhook events
 * have no TTL index because their windows are settings.
 */
export function mongoRetention(models: Models): RetentionPort {
  return {
    prune(kind, before, limit) {
      switch (kind) {
        case "delivered_messages":
          return pruneBatch(models.outbox, { status: { $in: ["sent", "discarded"] }, createdAt: { $lt: before } }, limit);
        case "processed_webhook_events":
          return pruneBatch(models.webhookEvents, { status: "processed", receivedAt: { $lt: before } }, limit);
        case "idempotency_keys":
          // An open card top-up's record is how reconciliation finds it: never pruned while open.
          return pruneBatch(models.idempotencyKeys, { createdAt: { $lt: before }, openSince: null }, limit);
        case "ended_sessions":
          return pruneBatch(models.sessions, { expiresAt: { $lt: before } }, limit);
        case "ended_password_resets":
          return pruneBatch(models.passwordResets, { expiresAt: { $lt: before } }, limit);
      }
    },
  };
}
