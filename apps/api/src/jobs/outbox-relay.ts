import type { Clock, DatabaseHandle } from "@bbscart/core";
import type { Queue } from "bullmq";
import { enqueueOutbox } from "./queues.js";

export interface OutboxRelayDeps {
  db: DatabaseHandle;
  clock: Clock;
  /** The `notifications` queue. */
  notifications: Queue;
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
  await enqueueOutbox(deps.notifications, stale);
  return stale.length;
}
