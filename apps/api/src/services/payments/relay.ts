import type { Clock, DatabaseHandle, WebhookEvent, WebhookStatus } from "@bbscart/core";

export interface RelayDeps {
  db: DatabaseHandle;
  clock: Clock;
  /** Events are left to their own job this long after their last activity before the relay steps in. */
  relayAfterMs: number;
  claimStaleMs: number;
  /** Past this many processing attempts an event waits for an admin instead (a rejection repeats forever). */
  maxAttempts: number;
}

const pageSize = 100;
/** One pass looks at this many events per status at most; the next pass continues. */
const maxPages = 10;

/** When an unprocessed event last showed life: its arrival, its last failure, or its claim. */
function lastActivity(event: WebhookEvent): Date {
  if (event.status === "failed") return event.lastFailedAt ?? event.receivedAt;
  if (event.status === "processing") return event.claimedAt ?? event.receivedAt;
  return event.receivedAt;
}

/**
 * The relay: a stored event is never lost. It re-enqueues events still unprocessed — never enqueued
 * (Redis was away at intake), their job removed or out of attempts, or claimed by a worker that died
 * — once they have been quiet for a while. `enqueue` takes the event's attempt count, so the job id
 * differs from the one BullMQ may still remember, and the claim makes any duplicate harmless.
 */
export async function relayPaymentEvents(deps: RelayDeps, enqueue: (eventId: string, attempt: number) => Promise<void>): Promise<number> {
  const now = deps.clock.now().getTime();
  let relayed = 0;
  for (const status of ["received", "failed", "processing"] satisfies WebhookStatus[]) {
    const quietFor = status === "processing" ? deps.claimStaleMs : deps.relayAfterMs;
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page++) {
      const { items, nextCursor } = await deps.db.repos.webhooks.list({ status, cursor, limit: pageSize });
      for (const event of items) {
        if (event.attempts >= deps.maxAttempts || now - lastActivity(event).getTime() < quietFor) continue;
        await enqueue(event.id, event.attempts);
        relayed += 1;
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
  }
  return relayed;
}
