import { Queue, Worker } from "bullmq";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { relayOutbox, type OutboxRelayDeps } from "../services/notifications/index.js";
import { bullConnection, enqueueOutbox, queueNames, workerOptions, type WorkerEnv } from "./queues.js";

export type OutboxRelayEnv = WorkerEnv & Pick<Env, "OUTBOX_RELAY_INTERVAL_MS">;

/**
 * Runs {@link relayOutbox} as a repeatable BullMQ job: one run per interval across every worker
 * process (BullMQ's job scheduler), not one per process. Messages at least one interval old count
 * as lost, which leaves the API that long to queue its own.
 */
export async function outboxRelayWorker(env: OutboxRelayEnv, deps: Omit<OutboxRelayDeps, "enqueue"> & { log: Logger; notifications: Queue }): Promise<{ worker: Worker; queue: Queue }> {
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
      const queued = await relayOutbox({ ...deps, enqueue: (outboxIds) => enqueueOutbox(deps.notifications, outboxIds) }, env.OUTBOX_RELAY_INTERVAL_MS);
      if (queued > 0) deps.log.warn({ queued }, "outbox relay queued messages whose enqueue was lost");
      return queued;
    },
    workerOptions(env),
  );
  worker.on("failed", (_job, error) => deps.log.warn({ err: error }, "outbox relay failed; it runs again next interval"));
  return { worker, queue };
}
