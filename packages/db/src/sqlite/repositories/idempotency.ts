import type { IdempotencyRecord, IdempotencyRepository, IdempotencyScope } from "@bbscart/core";
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from "../codec.js";
import type { Executor } from "../executor.js";
import { LIMIT_BOUND } from "../limit.js";

interface IdempotencyRow {
  user_id: string;
  scope: IdempotencyScope;
  key: string;
  request_hash: string;
  result_id: string;
  created_at: number;
  open_since: number | null;
}

const toRecord = (row: IdempotencyRow): IdempotencyRecord => ({
  userId: row.user_id,
  scope: row.scope,
  key: row.key,
  requestHash: row.request_hash,
  resultId: row.result_id,
  createdAt: fromMs(row.created_at),
  openSince: fromMsOrNull(row.open_since),
});

export function sqliteIdempotency(ex: Executor): IdempotencyRepository {
  return {
    find: (userId, scope, key) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?").get(userId, scope, key) as
          | IdempotencyRow
          | undefined;
        return row ? toRecord(row) : null;
      }),
    claim: (record: IdempotencyRecord) =>
      ex.writeStatement((c) => {
        c.prepare("INSERT INTO idempotency_keys (user_id, scope, key, request_hash, result_id, created_at, open_since) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
          record.userId,
          record.scope,
          record.key,
          record.requestHash,
          record.resultId,
          toMs(record.createdAt),
          toMsOrNull(record.openSince),
        );
      }),
    findOpen: (scope, openBefore, limit) =>
      ex.read((c) =>
        (
          c
            // Served by the partial index idempotency_keys_open (migration 008).
            .prepare(`SELECT * FROM idempotency_keys WHERE scope = ? AND open_since IS NOT NULL AND open_since < ? ORDER BY open_since ${LIMIT_BOUND}`)
            .all(scope, toMs(openBefore), limit) as IdempotencyRow[]
        ).map(toRecord),
      ),
    close: (userId, scope, key) =>
      ex.writeStatement(
        (c) =>
          c.prepare("UPDATE idempotency_keys SET open_since = NULL WHERE user_id = ? AND scope = ? AND key = ? AND open_since IS NOT NULL").run(userId, scope, key)
            .changes === 1,
      ),
  };
}
