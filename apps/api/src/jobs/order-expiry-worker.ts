import { Worker } from "bullmq";
import type { Env } from "../env.js";
import { processOrderExpiry, type OrderExpiryDeps, type OrderExpiryJob } from "./order-expiry.js";
import { bullConnection, queueNames } from "./queues.js";

function jobData(data: unknown): OrderExpiryJob {
  const orderId = (data as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== "string" || orderId === "") throw new Error("order-expiry job without an orderId");
  return { orderId };
}

/**
 * The BullMQ worker of the `order-expiry` queue. Retries and their backoff are set on the jobs
 * by the scheduler; the lock says how long a job may run before it counts as stalled and is
 * handed to another worker (the processor is idempotent, so a second run is harmless).
 */
export function orderExpiryWorker(env: Pick<Env, "REDIS_URL" | "REDIS_PREFIX" | "ORDER_EXPIRY_LOCK_MS">, deps: OrderExpiryDeps): Worker {
  const worker = new Worker(queueNames.orderExpiry, (job) => processOrderExpiry(deps, jobData(job.data)), {
    connection: bullConnection(env),
    prefix: env.REDIS_PREFIX,
    lockDuration: env.ORDER_EXPIRY_LOCK_MS,
  });
  worker.on("failed", (job, error) => deps.log.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, "order expiry failed"));
  return worker;
}
