import { Queue, UnrecoverableError, type ConnectionOptions, type JobsOptions, type WorkerOptions } from "bullmq";
import { Redis } from "ioredis";
import type { Clock } from "@bbscart/core";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import type { JobScheduler, OutboxJob } from "../services/common/index.js";

/** Every queue the worker serves, by name; the admin's queue health lists them all. */
export const queueNames = {
  orderExpiry: "order-expiry",
  notifications: "notifications",
  outboxRelay: "outbox-relay",
  payments: "payments",
  retention: "retention",
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

export const allQueueNames: readonly QueueName[] = Object.values(queueNames);

/** BullMQ's connection for our Redis; `maxRetriesPerRequest: null` as BullMQ requires for workers. */
export function bullConnection(env: Pick<Env, "REDIS_URL">): ConnectionOptions {
  return { url: env.REDIS_URL, maxRetriesPerRequest: null };
}

/**
 * For queues the API adds to after a commit: a command fails after one reconnection attempt instead
 * of holding the shopper's request until Redis is back (the outbox relay re-adds what was lost).
 */
export function producerConnection(env: Pick<Env, "REDIS_URL">): ConnectionOptions {
  return { url: env.REDIS_URL, maxRetriesPerRequest: 1 };
}

/** How often a queue's lost connection is logged again: while Redis is down, BullMQ reports it every few hundred milliseconds. */
const CONNECTION_ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Sends a queue's connection errors to the log, once a minute at most. Without a listener BullMQ
 * prints each one with its stack to stderr; the commands themselves fail and are handled by callers.
 */
export function logQueueErrors<Q extends { readonly name: string; on(event: "error", listener: (error: Error) => void): unknown }>(queue: Q, log: Logger): Q {
  let lastLogged = 0;
  queue.on("error", (error: Error) => {
    if (Date.now() - lastLogged < CONNECTION_ERROR_LOG_INTERVAL_MS) return;
    lastLogged = Date.now();
    log.warn({ err: error, queue: queue.name }, "queue cannot reach Redis; its commands fail until Redis is back");
  });
  return queue;
}

/** {@link logQueueErrors} for a plain Redis client of ours, under `name`. */
export function logRedisErrors(redis: Redis, name: string, log: Logger): Redis {
  logQueueErrors({ name, on: (event: "error", listener: (error: Error) => void) => redis.on(event, listener) }, log);
  return redis;
}

/** BullMQ reserves `:` in job ids (it separates key parts), so derived ids use `-`. */
export function bullJobId(key: string): string {
  return key.replaceAll(":", "-");
}

export type WorkerEnv = Pick<Env, "REDIS_URL" | "REDIS_PREFIX" | "QUEUE_LOCK_MS" | "QUEUE_STALLED_INTERVAL_MS">;

/**
 * What every worker shares: the lock says how long a job may run before it counts as stalled and is
 * handed to another worker, the stalled interval how often that is checked. Every processor is
 * idempotent, so a job run twice after a crash is harmless.
 */
export function workerOptions(env: WorkerEnv): WorkerOptions {
  return {
    connection: bullConnection(env),
    prefix: env.REDIS_PREFIX,
    lockDuration: env.QUEUE_LOCK_MS,
    stalledInterval: env.QUEUE_STALLED_INTERVAL_MS,
  };
}

/**
 * Runs a job's service call. An error the service marks as final (nothing a retry could change)
 * fails the job at once and leaves it in the failed set; any other error is retried with backoff.
 */
export async function runJob<T>(call: () => Promise<T>, final: new (...args: never[]) => Error): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof final) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** Retries with exponential backoff (each wait twice the last); completed jobs are trimmed, failed ones kept for the admin. */
export function retryingJobs(attempts: number, backoffMs: number): JobsOptions {
  return { attempts, backoff: { type: "exponential", delay: backoffMs }, removeOnComplete: 1000 };
}

export type NotificationQueueEnv = Pick<Env, "REDIS_PREFIX" | "NOTIFICATION_ATTEMPTS" | "NOTIFICATION_BACKOFF_MS">;

/** A queue whose jobs retry with exponential backoff; permanent failures stay in the failed set (no removeOnFail) for the admin. */
export function retryingQueue(name: QueueName, prefix: string, connection: ConnectionOptions, retry: { attempts: number; backoffMs: number }): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: retryingJobs(retry.attempts, retry.backoffMs) });
}

/** The `notifications` queue, as the API (after commits) and the outbox relay add to it. */
export function notificationsQueue(env: NotificationQueueEnv, connection: ConnectionOptions): Queue {
  return retryingQueue(queueNames.notifications, env.REDIS_PREFIX, connection, { attempts: env.NOTIFICATION_ATTEMPTS, backoffMs: env.NOTIFICATION_BACKOFF_MS });
}

export type PaymentsQueueEnv = Pick<Env, "REDIS_PREFIX" | "PAYMENTS_ATTEMPTS" | "PAYMENTS_BACKOFF_MS">;

/** The `payments` queue: stored webhook events to process, plus the relay's and reconciliation's runs. */
export function paymentsQueue(env: PaymentsQueueEnv, connection: ConnectionOptions): Queue {
  return retryingQueue(queueNames.payments, env.REDIS_PREFIX, connection, { attempts: env.PAYMENTS_ATTEMPTS, backoffMs: env.PAYMENTS_BACKOFF_MS });
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

/**
 * One job per outbox message and generation, its id derived from both: adding a message that is
 * already queued (the relay racing the API) adds nothing while BullMQ still holds that job; a later
 * generation (a revival, an admin's retry) is a job of its own.
 */
export async function enqueueOutbox(queue: Queue, jobs: readonly OutboxJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(
    jobs.map(({ outboxId, generation }) => ({
      name: "deliver",
      data: { outboxId },
      opts: { jobId: bullJobId(generation === 0 ? outboxId : `${outboxId}:g${generation}`) },
    })),
  );
}

/**
 * The channel an API process rings after a commit that wrote outbox messages (decision 169): the
 * message is their ids, and every worker's doorbell (jobs/outbox-doorbell.ts) queues them. Redis
 * channels ignore the database number, so the prefix keeps deployments sharing a Redis apart.
 */
export function outboxDoorbellChannel(prefix: string): string {
  return `${prefix}:outbox-doorbell`;
}

export type QueueEnv = Pick<
  Env,
  | "REDIS_URL"
  | "REDIS_PREFIX"
  | "ORDER_EXPIRY_ATTEMPTS"
  | "ORDER_EXPIRY_BACKOFF_MS"
  | "NOTIFICATION_ATTEMPTS"
  | "NOTIFICATION_BACKOFF_MS"
  | "PAYMENTS_ATTEMPTS"
  | "PAYMENTS_BACKOFF_MS"
>;

/** Work the API hands to the worker on BullMQ: the API adds jobs, the worker (jobs/workers.ts) processes them. */
export class BullJobScheduler implements JobScheduler {
  private readonly orderExpiry: Queue;
  private readonly notifications: Queue;
  private readonly payments: Queue;
  /** Rings the outbox doorbell; fails a command after one reconnection attempt, as the queues' producer connection does. */
  private readonly bell: Redis;
  private readonly doorbell: string;

  constructor(
    env: QueueEnv,
    private readonly clock: Clock,
    log: Logger,
  ) {
    this.orderExpiry = new Queue(queueNames.orderExpiry, {
      connection: producerConnection(env),
      prefix: env.REDIS_PREFIX,
      // A failed expiry (database busy, order not due yet) is retried later.
      defaultJobOptions: { ...retryingJobs(env.ORDER_EXPIRY_ATTEMPTS, env.ORDER_EXPIRY_BACKOFF_MS), removeOnFail: 5000 },
    });
    this.notifications = notificationsQueue(env, producerConnection(env));
    this.payments = paymentsQueue(env, producerConnection(env));
    this.bell = logRedisErrors(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 }), "outbox-doorbell", log);
    this.doorbell = outboxDoorbellChannel(env.REDIS_PREFIX);
    for (const queue of [this.orderExpiry, this.notifications, this.payments]) logQueueErrors(queue, log);
  }

  async scheduleOrderExpiry(orderId: string, at: Date): Promise<void> {
    // The job id is derived from the order, so scheduling twice (a retried request) adds one job.
    await this.orderExpiry.add("expire", { orderId }, { jobId: `expire-${orderId}`, delay: Math.max(0, at.getTime() - this.clock.now().getTime()) });
  }

  /**
   * Rings the workers' doorbell with the ids (one PUBLISH) rather than adding the jobs here: BullMQ
   * adds each job with a script of a dozen keys, which cost the API ~7× the CPU of the PUBLISH on
   * every order (decision 169). Redis answers how many listeners heard it; with none (no worker
   * running yet) the jobs are added here, as before, for a worker to find when it starts.
   */
  async enqueueNotifications(outboxIds: readonly string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    if ((await this.bell.publish(this.doorbell, JSON.stringify(outboxIds))) > 0) return;
    await enqueueOutbox(
      this.notifications,
      outboxIds.map((outboxId) => ({ outboxId, generation: 0 })),
    );
  }

  enqueueNotificationJobs(jobs: readonly OutboxJob[]): Promise<void> {
    return enqueueOutbox(this.notifications, jobs);
  }

  enqueuePaymentEvent(eventId: string): Promise<void> {
    return enqueuePaymentEvent(this.payments, eventId);
  }

  async close(): Promise<void> {
    await Promise.all([this.orderExpiry.close(), this.notifications.close(), this.payments.close()]);
    this.bell.disconnect();
  }
}
