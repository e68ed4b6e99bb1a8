import type { IdempotencyRecord, IdempotencyRepository, IdempotencyScope } from "@bbscart/core";
import { fromMs, toMs } from "../codec.js";
import type { Executor } from "../executor.js";

interface IdempotencyRow {
  user_id: string;
  scope: IdempotencyScope;
  key: string;
  request_hash: string;
  result_id: string;
  created_at: number;
}

export function sqliteIdempotency(ex: Executor): IdempotencyRepository {
  return {
    find: (userId, scope, key) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?").get(userId, scope, key) as
          | IdempotencyRow
          | undefined;
        return row
          ? { userId: row.user_id, scope: row.scope, key: row.key, requestHash: row.request_hash, resultId: row.result_id, createdAt: fromMs(row.created_at) }
          : null;
      }),
    claim: (record: IdempotencyRecord) =>
      ex.write((c) => {
        c.prepare("INSERT INTO idempotency_keys (user_id, scope, key, request_hash, result_id, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(
          record.userId,
          record.scope,
          record.key,
          record.requestHash,
          record.resultId,
          toMs(record.createdAt),
        );
      }),
  };
}
