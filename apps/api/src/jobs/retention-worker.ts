import { Queue, Worker } from "bullmq";
import type { Clock, DatabaseHandle } from "@bbscart/core";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { pruneOldRecords } from "../services/operations/index.js";
import { bullConnection, queueNames, workerOptions, type WorkerEnv } from "./queues.js";

export type RetentionEnv = WorkerEnv & Pick<Env, "RETENTION_EVERY_MS" | "RETENTION_BATCH_SIZE" | "RETENTION_MESSAGES_DAYS" | "RETENTION_WEBHOOK_EVENTS_DAYS">;

/** Runs {@link pruneOldRecords} as a repeatable job: one run per interval across every worker process. */
export async function retentionWorker(env: RetentionEnv, deps: { db: DatabaseHandle; clock: Clock; log: Logger }): Promise<{ worker: Worker; queue: Queue }> {
  const queue = new Queue(queueNames.retention, {
    connection: bullConnection(env),
    prefix: env.REDIS_PREFIX,
    defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 },
  });
  await queue.upsertJobScheduler("retention", { every: env.RETENTION_EVERY_MS }, { name: "prune" });
  const policy = { messagesDays: env.RETENTION_MESSAGES_DAYS, webhookEventsDays: env.RETENTION_WEBHOOK_EVENTS_DAYS, batchSize: env.RETENTION_BATCH_SIZE };
  const worker = new Worker(
    queueNames.retention,
    async () => {
      const pruned = await pruneOldRecords(deps, policy);
      if (Object.values(pruned).some((count) => count > 0)) deps.log.info({ pruned }, "retention deleted old operational records");
      return pruned;
    },
    workerOptions(env),
  );
  worker.on("failed", (_job, error) => deps.log.warn({ err: error }, "retention run failed; it runs again next interval"));
  return { worker, queue };
}
