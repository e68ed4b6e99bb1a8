import type { PrunableRecord, RetentionPort } from "@bbscart/core";
import { toMs } from "./codec.js";
import type { Executor } from "./executor.js";
import { LIMIT_BOUND } from "./limit.js";

/**
 * Which rows of each kind are old: every predicate is a range on an index's leading columns
 * (see migration 008), and the batch takes the first `limit` rows the index yields, with no
 * ORDER BY that would make SQLite sort every candidate first.
 */
const oldRows: Record<PrunableRecord, { table: string; where: string }> = {
  delivered_messages: { table: "outbox", where: "status IN ('sent', 'discarded') AND created_at < ?" },
  processed_webhook_events: { table: "webhook_events", where: "status = 'processed' AND received_at < ?" },
  // An open card top-up's record is how reconciliation finds it: never pruned while open.
  idempotency_keys: { table: "idempotency_keys", where: "created_at < ? AND open_since IS NULL" },
  ended_sessions: { table: "sessions", where: "expires_at < ?" },
  ended_password_resets: { table: "password_resets", where: "expires_at < ?" },
};

/** Each batch is one write of its own in the next group commit, so checkouts queue behind one batch at most. */
export function sqliteRetention(ex: Executor): RetentionPort {
  return {
    prune: (kind, before, limit) => {
      const { table, where } = oldRows[kind];
      return ex.write(
        (c) => c.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${where} ${LIMIT_BOUND})`).run(toMs(before), limit).changes,
      );
    },
  };
}
