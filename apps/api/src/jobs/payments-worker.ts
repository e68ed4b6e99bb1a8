import { UnrecoverableError, Worker, type Queue } from "bullmq";
import type { Env } from "../env.js";
import { processPaymentEvent, type PaymentEventDeps } from "../services/payments/process-event.js";
import { reconcilePayments, type ReconcileDeps } from "../services/payments/reconcile.js";
import { PaymentEventRejected } from "../services/payments/rejected.js";
import { relayPaymentEvents } from "../services/payments/relay.js";
import { enqueuePaymentEvent, paymentsQueue, type PaymentsQueueEnv } from "./payments-queue.js";
import { bullConnection, queueNames, workerOptions, type WorkerEnv } from "./queues.js";

export type PaymentsWorkerEnv = WorkerEnv &
  PaymentsQueueEnv &
  Pick<
    Env,
    "PAYMENTS_CLAIM_STALE_MS" | "PAYMENTS_RELAY_EVERY_MS" | "PAYMENTS_RELAY_AFTER_MS" | "PAYMENTS_RELAY_MAX_ATTEMPTS" | "RECONCILE_EVERY_MS" | "RECONCILE_AFTER_MS"
  >;

/** Orders reconciliation looks at per run and kind; the next run continues. */
const reconcileBatch = 100;

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
export async function paymentsWorker(env: PaymentsWorkerEnv, deps: Omit<PaymentEventDeps, "claimStaleMs"> & ReconcileDeps): Promise<{ worker: Worker; queue: Queue }> {
  const queue = paymentsQueue(env, bullConnection(env));
  const eventDeps: PaymentEventDeps = { ...deps, claimStaleMs: env.PAYMENTS_CLAIM_STALE_MS };
  // Upserting replaces a schedule, so a changed interval takes effect at the next start.
  await queue.upsertJobScheduler("payments-relay", { every: env.PAYMENTS_RELAY_EVERY_MS }, { name: "relay", opts: { attempts: 1, removeOnFail: 100 } });
  await queue.upsertJobScheduler("payments-reconcile", { every: env.RECONCILE_EVERY_MS }, { name: "reconcile", opts: { attempts: 1, removeOnFail: 100 } });

  const worker = new Worker(
    queueNames.payments,
    async (job) => {
      if (job.name === "relay") {
        const relay = { db: deps.db, clock: deps.clock, relayAfterMs: env.PAYMENTS_RELAY_AFTER_MS, claimStaleMs: env.PAYMENTS_CLAIM_STALE_MS, maxAttempts: env.PAYMENTS_RELAY_MAX_ATTEMPTS };
        return relayPaymentEvents(relay, (eventId, attempt) => enqueuePaymentEvent(queue, eventId, attempt));
      }
      if (job.name === "reconcile") return reconcilePayments(deps, { awaitingAfterMs: env.RECONCILE_AFTER_MS, limit: reconcileBatch });
      try {
        return await processPaymentEvent(eventDeps, eventIdOf(job.data));
      } catch (error) {
        if (error instanceof PaymentEventRejected) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    workerOptions(env),
  );
  worker.on("failed", (job, error) => deps.log.warn({ err: error, jobId: job?.id, job: job?.name, attempts: job?.attemptsMade }, "payments job failed"));
  return { worker, queue };
}
