import { Queue, type ConnectionOptions } from "bullmq";
import type { Env } from "../env.js";
import { bullJobId, queueNames, retryingJobs } from "./queues.js";

export type PaymentsQueueEnv = Pick<Env, "REDIS_PREFIX" | "PAYMENTS_ATTEMPTS" | "PAYMENTS_BACKOFF_MS">;

/** The `payments` queue: stored webhook events to process, plus the relay's and reconciliation's runs. */
export function paymentsQueue(env: PaymentsQueueEnv, connection: ConnectionOptions): Queue {
  return new Queue(queueNames.payments, {
    connection,
    prefix: env.REDIS_PREFIX,
    // Failed jobs stay (no removeOnFail) for the queue health view; the event record keeps the error too.
    defaultJobOptions: retryingJobs(env.PAYMENTS_ATTEMPTS, env.PAYMENTS_BACKOFF_MS),
  });
}

/**
 * One job per stored event, its id derived from the event id: the intake and a re-delivery add one
 * job while BullMQ holds it. The relay passes the event's attempt count, so it can add a fresh job
 * once the first is gone or failed; the event's claim makes any duplicate run harmless.
 */
export async function enqueuePaymentEvent(queue: Queue, eventId: string, attempt = 0): Promise<void> {
  const jobId = bullJobId(attempt > 0 ? `event-${eventId}-${attempt}` : `event-${eventId}`);
  await queue.add("event", { eventId }, { jobId });
}
