import type { Clock, DatabaseHandle } from "@bbscart/core";

export interface OutboxRelayDeps {
  db: DatabaseHandle;
  clock: Clock;
  /** Queues outbox messages for delivery (the `notifications` queue); queueing one twice is harmless. */
  enqueue: (outboxIds: readonly string[]) => Promise<void>;
}

const PAGE = 200;

/**
 * Queues every outbox message still pending at least `minAgeMs` after it was committed: the API
 * queues each message right after its commit, so one still pending that long had its enqueue lost
 * (a crash or Redis outage between commit and enqueue). Queueing a message that is in fact queued
 * adds nothing (job ids derive from message ids). Messages that failed an attempt are not pending:
 * their jobs are retrying or in the failed set. Returns how many were (re)queued.
 */
export async function relayOutbox(deps: OutboxRelayDeps, minAgeMs: number): Promise<number> {
  const cutoff = deps.clock.now().getTime() - minAgeMs;
  const stale: string[] = [];
  let cursor: string | null = null;
  // Pending messages are few (the worker empties them within seconds), so reading them all is cheap.
  do {
    const page = await deps.db.repos.outbox.list({ cursor, limit: PAGE, status: "pending" });
    for (const message of page.items) if (message.createdAt.getTime() <= cutoff) stale.push(message.id);
    cursor = page.nextCursor;
  } while (cursor);
  await deps.enqueue(stale);
  return stale.length;
}
