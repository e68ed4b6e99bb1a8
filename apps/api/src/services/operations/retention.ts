import { IDEMPOTENCY_KEY_RETENTION_DAYS, PRUNABLE_RECORDS, type Clock, type DatabaseHandle, type PrunableRecord } from "@bbscart/core";

const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  readonly messagesDays: number;
  readonly webhookEventsDays: number;
  readonly batchSize: number;
}

export type Pruned = Record<PrunableRecord, number>;

/** How long each kind is kept after the moment it is measured from (see `PRUNABLE_RECORDS`). */
function keptDays(policy: RetentionPolicy): Record<PrunableRecord, number> {
  return {
    delivered_messages: policy.messagesDays,
    processed_webhook_events: policy.webhookEventsDays,
    idempotency_keys: IDEMPOTENCY_KEY_RETENTION_DAYS,
    // Ended is ended: an expired refresh token or reset link proves nothing any more.
    ended_sessions: 0,
    ended_password_resets: 0,
  };
}

/** Lets queued writes (a shopper's checkout) run between two batches. */
const yieldToWriters = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Deletes every record past its retention, one batch at a time, until a batch comes back short.
 * Orders, money, stock and the audit log are never touched. Safe to run anywhere at any time:
 * each batch deletes only what still matches, and two runs at once just share the work.
 */
export async function pruneOldRecords(deps: { db: DatabaseHandle; clock: Clock }, policy: RetentionPolicy): Promise<Pruned> {
  const now = deps.clock.now().getTime();
  const days = keptDays(policy);
  const pruned = Object.fromEntries(PRUNABLE_RECORDS.map((kind) => [kind, 0])) as Pruned;
  for (const kind of PRUNABLE_RECORDS) {
    const before = new Date(now - days[kind] * DAY_MS);
    for (;;) {
      const deleted = await deps.db.retention.prune(kind, before, policy.batchSize);
      pruned[kind] += deleted;
      if (deleted < policy.batchSize) break;
      await yieldToWriters();
    }
  }
  return pruned;
}
