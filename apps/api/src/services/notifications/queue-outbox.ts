import type { JobScheduler } from "../common/index.js";
import type { Logger } from "../../logger.js";

/**
 * What services call after a commit: queue the new outbox messages for the worker. The change is
 * already committed, so a failure (Redis down) is logged, not thrown; the outbox relay in the worker
 * queues every message still pending a few seconds later, so nothing is lost.
 */
export function queueOutbox(jobs: JobScheduler, log: Logger) {
  return async (outboxIds: readonly string[]): Promise<void> => {
    if (outboxIds.length === 0) return;
    try {
      await jobs.enqueueNotifications(outboxIds);
    } catch (error) {
      log.warn({ err: error, outboxIds }, "notifications not queued; the outbox relay will queue them");
    }
  };
}
