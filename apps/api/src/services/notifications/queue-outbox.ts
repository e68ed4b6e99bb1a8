import type { JobScheduler } from "../common/index.js";
import type { Logger } from "../../logger.js";

/**
 * What services call after a commit: ring the worker for the new outbox messages. The change is
 * already committed and the messages are durable, so nothing waits for the ring (decision 183): an
 * answer that waited would hold a request open for a Redis round trip and run the rest of it on a
 * later event-loop turn, its state gone cold. A failure (Redis down) is logged, not thrown; the outbox
 * relay in the worker queues every message still pending a few seconds later, so nothing is lost.
 */
export function queueOutbox(jobs: JobScheduler, log: Logger) {
  return (outboxIds: readonly string[]): void => {
    if (outboxIds.length === 0) return;
    const failed = (error: unknown) => log.warn({ err: error, outboxIds }, "notifications not queued; the outbox relay will queue them");
    // A scheduler that throws instead of rejecting is logged the same way: the caller has committed.
    try {
      jobs.enqueueNotifications(outboxIds).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
