import { revivalDue, type Clock, type DatabaseHandle, type OutboxMessage, type RevivalPolicy } from "@bbscart/core";
import type { OutboxJob } from "../common/index.js";

export interface OutboxRelayDeps {
  db: DatabaseHandle;
  clock: Clock;
  /** Queues delivery jobs (the `notifications` queue); queueing one twice is harmless. */
  enqueue: (jobs: readonly OutboxJob[]) => Promise<void>;
  revival: RevivalPolicy;
}

const PAGE = 200;

async function* messages(db: DatabaseHandle, status: OutboxMessage["status"]): AsyncGenerator<OutboxMessage> {
  let cursor: string | null = null;
  do {
    const page = await db.repos.outbox.list({ cursor, limit: PAGE, status });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/** The job that retries a failed message now: a generation of its own. */
export const retryJob = (message: OutboxMessage): OutboxJob => ({ outboxId: message.id, generation: message.attempts });

/**
 * Queues every outbox message still pending at least `minAgeMs` after it was committed: the API
 * queues each message right after its commit, so one still pending that long had its enqueue lost
 * (a crash or Redis outage between commit and enqueue). Queueing a message that is in fact queued
 * adds nothing (job ids derive from message ids). And it revives failed messages whose job ran out
 * of retries or was lost, with backoff and a bound (`revivalDue`). Pending and failed messages are
 * few (the worker empties them; failed ones stop at the bound), so reading them all is cheap.
 */
export async function relayOutbox(deps: OutboxRelayDeps, minAgeMs: number): Promise<{ queued: number; revived: number }> {
  const now = deps.clock.now();
  const cutoff = now.getTime() - minAgeMs;
  const lost: OutboxJob[] = [];
  for await (const message of messages(deps.db, "pending")) {
    if (message.createdAt.getTime() <= cutoff) lost.push({ outboxId: message.id, generation: 0 });
  }
  const revived: OutboxJob[] = [];
  for await (const message of messages(deps.db, "failed")) if (revivalDue(message, now, deps.revival)) revived.push(retryJob(message));
  await deps.enqueue([...lost, ...revived]);
  return { queued: lost.length, revived: revived.length };
}
