import { Worker } from "bullmq";
import { loadRenderer } from "../notifications/email/render-on-demand.js";
import { deliverOutboxMessage, UndeliverableMessage, type NotificationDeps } from "../services/notifications/index.js";
import { queueNames, runJob, workerOptions, type WorkerEnv } from "./queues.js";

function outboxIdOf(data: unknown): string {
  const outboxId = (data as { outboxId?: unknown } | null)?.outboxId;
  if (typeof outboxId !== "string" || outboxId === "") throw new Error("notification job without an outboxId");
  return outboxId;
}

/** The BullMQ worker of the `notifications` queue; attempts and backoff are set on the jobs (jobs/queues.ts). */
export function notificationsWorker(env: WorkerEnv, deps: NotificationDeps): Worker {
  // This process sends the messages: the renderer the API loads only on demand is loaded now.
  loadRenderer().catch((error: unknown) => deps.log.error({ err: error }, "could not load the email renderer; messages will fail until it loads"));
  const worker = new Worker(queueNames.notifications, (job) => runJob(() => deliverOutboxMessage(deps, outboxIdOf(job.data)), UndeliverableMessage), workerOptions(env));
  worker.on("failed", (job, error) =>
    deps.log.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade, outboxId: (job?.data as { outboxId?: unknown } | undefined)?.outboxId }, "notification attempt failed"),
  );
  return worker;
}
