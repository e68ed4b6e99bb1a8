import type { IdempotencyRecord, IdempotencyRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { idempotencyKeyUniqueIndexes, OPEN_SINCE_FLOOR, type IdempotencyKeyDoc } from "../models/idempotency-keys.js";
import type { RepoContext } from "./context.js";

/** The generated `_id` is storage only; the record is identified by (user, scope, key). */
const toRecord = ({ _id, openSince, ...record }: IdempotencyKeyDoc & { _id: unknown }): IdempotencyRecord => ({ ...record, openSince: openSince ?? null });

export function idempotencyRepository({ models: { idempotencyKeys }, session }: RepoContext): IdempotencyRepository {
  return {
    async find(userId, scope, key) {
      const doc = await idempotencyKeys.findOne({ userId, scope, key }, null, { session }).lean<IdempotencyKeyDoc & { _id: unknown }>();
      return doc ? toRecord(doc) : null;
    },
    async claim(record) {
      // The unique index decides between two concurrent claims, inside the caller's transaction.
      await translateDuplicateKey(idempotencyKeyUniqueIndexes, () => idempotencyKeys.insertMany([{ ...record }], { session }));
    },
    async findOpen(scope, openBefore, limit) {
      const docs = await idempotencyKeys
        // `$gt` the floor repeats the partial `open_since` index's filter, so the planner may use it.
        .find({ scope, openSince: { $gt: OPEN_SINCE_FLOOR, $lt: openBefore } }, null, { session })
        .sort({ openSince: 1 })
        .limit(limit)
        .lean<Array<IdempotencyKeyDoc & { _id: unknown }>>();
      return docs.map(toRecord);
    },
    async close(userId, scope, key) {
      const result = await idempotencyKeys.updateOne({ userId, scope, key, openSince: { $gt: OPEN_SINCE_FLOOR } }, { $set: { openSince: null } }, { session });
      return result.modifiedCount === 1;
    },
  };
}
