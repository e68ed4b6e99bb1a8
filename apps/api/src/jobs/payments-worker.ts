import { UnrecoverableError, Worker, type Queue } from "bullmq";
import type { Env } from "../env.js";
import { paymentJobs, PaymentEventRejected, type PaymentJobsDeps } from "../services/payments/index.js";
import { bullConnection, enqueuePaymentEvent, paymentsQueue, queueNames, runJob, workerOptions, type PaymentsQueueEnv, type WorkerEnv } from "./queues.js";

export type PaymentsWorkerEnv = WorkerEnv &
  PaymentsQueueEnv &
  Pick<
    Env,
    "PAYMENTS_CLAIM_STALE_MS" | "PAYMENTS_RELAY_EVERY_MS" | "PAYMENTS_RELAY_AFTER_MS" | "PAYMENTS_RELAY_MAX_ATTEMPTS" | "RECONCILE_EVERY_MS" | "RECONCILE_AFTER_MS"
  >;

function eventIdOf(data: unknown): string {
  const eventId = (data as { eventId?: unknown } | null)?.eventId;
  if (typeof eventId !== "string" || eventId === "") throw new UnrecoverableError("payment event job without an eventId");
  return eventId;
}

/**
 * The `payments` queue's worker: processes stored webhook events (retried with exponential backoff;
 * a rejected event fails at once and stays visible), and runs the relay and reconciliation as
 * repeatable jobs — once per interval across all worker processes, not once per process.
 */
export async function paymentsWorker(env: PaymentsWorkerEnv, deps: PaymentJobsDeps): Promise<{ worker: Worker; queue: Queue }> {
  const queue = paymentsQueue(env, bullConnection(env));
  const jobs = paymentJobs(deps, {
    claimStaleMs: env.PAYMENTS_CLAIM_STALE_MS,
    relayAfterMs: env.PAYMENTS_RELAY_AFTER_MS,
    relayMaxAttempts: env.PAYMENTS_RELAY_MAX_ATTEMPTS,
    reconcileAfterMs: env.RECONCILE_AFTER_MS,
  });
  // Upserting replaces a schedule, so a changed interval takes effect at the next start.
  await queue.upsertJobScheduler("payments-relay", { every: env.PAYMENTS_RELAY_EVERY_MS }, { name: "relay", opts: { attempts: 1, removeOnFail: 100 } });
  await queue.upsertJobScheduler("payments-reconcile", { every: env.RECONCILE_EVERY_MS }, { name: "reconcile", opts: { attempts: 1, removeOnFail: 100 } });

  const worker = new Worker(
    queueNames.payments,
    async (job) => {
      if (job.name === "relay") return jobs.relay((eventId, attempt) => enqueuePaymentEvent(queue, eventId, attempt));
      if (job.name === "reconcile") return jobs.reconcile();
      return runJob(() => jobs.processEvent(eventIdOf(job.data)), PaymentEventRejected);
    },
    workerOptions(env),
  );
  worker.on("failed", (job, error) => deps.log.warn({ err: error, jobId: job?.id, job: job?.name, attempts: job?.attemptsMade }, "payments job failed"));
  return { worker, queue };
}
