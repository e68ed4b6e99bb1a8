import { Worker } from "bullmq";
import { expireOrder, type OrderExpiryDeps } from "../services/orders/index.js";
import { queueNames, workerOptions, type WorkerEnv } from "./queues.js";

function orderIdOf(data: unknown): string {
  const orderId = (data as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== "string" || orderId === "") throw new Error("order-expiry job without an orderId");
  return orderId;
}

/**
 * The BullMQ worker of the `order-expiry` queue. Retries and their backoff are set on the jobs
 * by the scheduler; a job whose worker died is handed to another (the processor is idempotent).
 */
export function orderExpiryWorker(env: WorkerEnv, deps: OrderExpiryDeps): Worker {
  const worker = new Worker(queueNames.orderExpiry, (job) => expireOrder(deps, orderIdOf(job.data)), workerOptions(env));
  worker.on("failed", (job, error) => deps.log.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, "order expiry failed"));
  return worker;
}
