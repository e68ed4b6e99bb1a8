import { Queue, Worker } from "bullmq";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { relayOutbox, type OutboxRelayDeps } from "../services/notifications/index.js";
import { bullConnection, enqueueOutbox, queueNames, workerOptions, type WorkerEnv } from "./queues.js";

export type OutboxRelayEnv = WorkerEnv & Pick<Env, "OUTBOX_RELAY_INTERVAL_MS" | "OUTBOX_REVIVAL_MAX_ATTEMPTS" | "OUTBOX_REVIVAL_MIN_DELAY_MS" | "NOTIFICATION_ATTEMPTS" | "NOTIFICATION_BACKOFF_MS">;

const DAY_MS = 86_400_000;

/**
 * Runs {@link relayOutbox} as a repeatable BullMQ job: one run per interval across every worker
 * process (BullMQ's job scheduler), not one per process. Messages at least one interval old count
 * as lost, which leaves the API that long to queue its own. Failed messages are revived with the
 * queue's own backoff, never sooner than their job's last retry would have run (hence the cap of at
 * least the queue's longest wait).
 */
export async function outboxRelayWorker(env: OutboxRelayEnv, deps: Pick<OutboxRelayDeps, "db" | "clock"> & { log: Logger; notifications: Queue }): Promise<{ worker: Worker; queue: Queue }> {
  const queue = new Queue(queueNames.outboxRelay, {
    connection: bullConnection(env),
    prefix: env.REDIS_PREFIX,
    defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 },
  });
  // Upserting replaces the schedule, so a changed interval takes effect at the next start.
  await queue.upsertJobScheduler("outbox-relay", { every: env.OUTBOX_RELAY_INTERVAL_MS }, { name: "relay" });
  const worker = new Worker(
    queueNames.outboxRelay,
    async () => {
      const relayed = await relayOutbox(
        {
          ...deps,
          enqueue: (jobs) => enqueueOutbox(deps.notifications, jobs),
          revival: {
            backoffMs: env.NOTIFICATION_BACKOFF_MS,
            minDelayMs: env.OUTBOX_REVIVAL_MIN_DELAY_MS,
            maxDelayMs: Math.max(DAY_MS, env.NOTIFICATION_BACKOFF_MS * 2 ** env.NOTIFICATION_ATTEMPTS),
            maxAttempts: env.OUTBOX_REVIVAL_MAX_ATTEMPTS,
          },
        },
        env.OUTBOX_RELAY_INTERVAL_MS,
      );
      if (relayed.queued > 0) deps.log.warn({ queued: relayed.queued }, "outbox relay queued messages whose enqueue was lost");
      if (relayed.revived > 0) deps.log.warn({ revived: relayed.revived }, "outbox relay revived failed messages whose retries had ended");
      return relayed;
    },
    workerOptions(env),
  );
  worker.on("failed", (_job, error) => deps.log.warn({ err: error }, "outbox relay failed; it runs again next interval"));
  return { worker, queue };
}
