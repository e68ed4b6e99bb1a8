import type { IdempotencyRecord, IdempotencyRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { idempotencyKeyUniqueIndexes, type IdempotencyKeyDoc } from "../models/idempotency-keys.js";
import type { RepoContext } from "./context.js";

export function idempotencyRepository({ models: { idempotencyKeys }, session }: RepoContext): IdempotencyRepository {
  return {
    async find(userId, scope, key) {
      const doc = await idempotencyKeys.findOne({ userId, scope, key }, null, { session }).lean<IdempotencyKeyDoc & { _id: unknown }>();
      if (!doc) return null;
      // The generated `_id` is storage only; the record is identified by (user, scope, key).
      const { _id, ...record } = doc;
      return record satisfies IdempotencyRecord;
    },
    async claim(record) {
      // The unique index decides between two concurrent claims, inside the caller's transaction.
      await translateDuplicateKey(idempotencyKeyUniqueIndexes, () => idempotencyKeys.insertMany([{ ...record }], { session }));
    },
  };
}
