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

export type QueueEnv = Pick<Env, "REDIS_URL" | "REDIS_PREFIX" | "ORDER_EXPIRY_ATTEMPTS" | "ORDER_EXPIRY_BACKOFF_MS">;

/** Delayed jobs on BullMQ: the API schedules, the worker (jobs/order-expiry-worker.ts) processes. */
export class BullJobScheduler implements JobScheduler {
  private readonly orderExpiry: Queue;

  constructor(env: QueueEnv, private readonly clock: Clock) {
    this.orderExpiry = new Queue(queueNames.orderExpiry, {
      connection: bullConnection(env),
      prefix: env.REDIS_PREFIX,
      // A failed expiry (database busy, order not due yet) is retried later, each wait twice the last.
      defaultJobOptions: { attempts: env.ORDER_EXPIRY_ATTEMPTS, backoff: { type: "exponential", delay: env.ORDER_EXPIRY_BACKOFF_MS } },
    });
  }

  async scheduleOrderExpiry(orderId: string, at: Date): Promise<void> {
    // The job id is derived from the order, so scheduling twice (a retried request) adds one job.
    await this.orderExpiry.add(
      "expire",
      { orderId },
      {
        jobId: `expire-${orderId}`,
        delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    );
  }

  async close(): Promise<void> {
    await this.orderExpiry.close();
  }
}
