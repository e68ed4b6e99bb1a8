import { Queue, type ConnectionOptions } from "bullmq";
import type { Clock } from "@bbscart/core";
import type { Env } from "../env.js";
import type { JobScheduler } from "./scheduler.js";

/** Every queue the worker serves, by name. */
export const queueNames = {
  orderExpiry: "order-expiry",
} as const;

/** BullMQ's connection for our Redis; `maxRetriesPerRequest: null` as BullMQ requires for workers. */
export function bullConnection(env: Pick<Env, "REDIS_URL">): ConnectionOptions {
  return { url: env.REDIS_URL, maxRetriesPerRequest: null };
}

/** Delayed jobs on BullMQ: the API schedules, the worker (jobs/worker-*.ts) processes. */
export class BullJobScheduler implements JobScheduler {
  private readonly orderExpiry: Queue;

  constructor(env: Pick<Env, "REDIS_URL" | "REDIS_PREFIX">, private readonly clock: Clock) {
    this.orderExpiry = new Queue(queueNames.orderExpiry, { connection: bullConnection(env), prefix: env.REDIS_PREFIX });
  }

  async scheduleOrderExpiry(orderId: string, at: Date): Promise<void> {
    // The job id is derived from the order, so scheduling twice (a retried request) adds one job.
    await this.orderExpiry.add(
      "expire",
      { orderId },
      { jobId: `expire-${orderId}`, delay: Math.max(0, at.getTime() - this.clock.now().getTime()), removeOnComplete: 1000, removeOnFail: 5000 },
    );
  }

  async close(): Promise<void> {
    await this.orderExpiry.close();
  }
}
