import type { Clock, DatabaseHandle, PaymentProvider } from "@bbscart/core";
import type { Queue, Worker } from "bullmq";
import type { Secrets } from "../config/secrets.js";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { notifierFor } from "../notifications/notifiers.js";
import { timeOrderedIds } from "../runtime.js";
import { orderLinks, withOrderLink } from "../services/guests/index.js";
import { queueOutbox, withResetLink, type NotificationDeps } from "../services/notifications/index.js";
import { notificationsWorker } from "./notifications-worker.js";
import { outboxDoorbell } from "./outbox-doorbell.js";
import { orderExpiryWorker } from "./order-expiry-worker.js";
import { outboxRelayWorker } from "./outbox-relay-worker.js";
import { paymentsWorker } from "./payments-worker.js";
import { retentionWorker } from "./retention-worker.js";
import { BullJobScheduler, bullConnection, logQueueErrors, notificationsQueue } from "./queues.js";

export interface WorkerDeps {
  env: Env;
  log: Logger;
  secrets: Pick<Secrets, "jwtSecret">;
  db: DatabaseHandle;
  clock: Clock;
  provider: PaymentProvider;
  /** The shop's address as shoppers see it, for links in messages. */
  publicUrl: string;
}

export interface RunningWorkers {
  /**
   * Stops taking jobs and lets active ones finish for up to `drainMs`; jobs still running then are
   * released (the process exits, their lock lapses, another worker takes them over). Then closes the queues.
   */
  close(drainMs: number): Promise<void>;
}

/** The test-only crash points of NOTIFICATION_CRASH_POINT: the process dies as `kill -9` would kill it. */
/** What messages get at send time: the password-reset link, and a guest's signed order link (ADR 142). */
function messageLinks(env: Env, deps: WorkerDeps, clock: Clock): NotificationDeps["enrich"] {
  const reset = withResetLink(deps.publicUrl, deps.secrets.jwtSecret);
  const order = withOrderLink(deps.publicUrl, orderLinks(deps.secrets.jwtSecret, env.ORDER_LINK_TTL_DAYS), () => clock.now());
  return (notification) => order(reset(notification));
}

function crashFaults(env: Env): NotificationDeps["faults"] {
  if (env.NODE_ENV !== "test" || !env.NOTIFICATION_CRASH_POINT) return undefined;
  const crash = () => process.kill(process.pid, "SIGKILL");
  return env.NOTIFICATION_CRASH_POINT === "before-send" ? { beforeSend: crash } : { afterSend: crash };
}

/**
 * Starts every queue worker of the worker process. A new queue adds its worker to `workers` (and
 * anything else it opens to `queues`); all are drained and closed together.
 */
export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const { env, log, db, clock } = deps;
  // Messages the worker itself causes (an expired order's notice) are queued like the API's.
  const scheduler = new BullJobScheduler(env, clock, log);
  const notifier = notifierFor(env);
  const notifications = notificationsQueue(env, bullConnection(env));
  const doorbell = await outboxDoorbell(env, { notifications, log });
  const relay = await outboxRelayWorker(env, { db, clock, log, notifications });
  const payments = await paymentsWorker(env, { db, clock, log, ids: timeOrderedIds, provider: deps.provider, deliver: queueOutbox(scheduler, log) });
  const retention = await retentionWorker(env, { db, clock, log });

  const workers: Worker[] = [
    orderExpiryWorker(env, { db, clock, log, provider: deps.provider, deliver: queueOutbox(scheduler, log) }),
    notificationsWorker(env, { db, clock, log, notifier, publicUrl: deps.publicUrl, enrich: messageLinks(env, deps, clock), faults: crashFaults(env) }),
    relay.worker,
    payments.worker,
    retention.worker,
  ];
  const queues: Array<Pick<Queue, "close">> = [scheduler, notifications, relay.queue, payments.queue, retention.queue];
  // While Redis is down each of them reports every reconnection attempt: to the log, once a minute, not stack traces on stderr.
  for (const emitter of [...workers, notifications, relay.queue, payments.queue, retention.queue]) logQueueErrors(emitter, log);

  return {
    async close(drainMs) {
      const drained = Promise.all(workers.map((worker) => worker.close())).then(() => true);
      const deadline = new Promise<false>((resolve) => setTimeout(resolve, drainMs, false).unref());
      if (!(await Promise.race([drained, deadline]))) {
        // The process exits with them unfinished: their locks lapse and another worker retries them.
        log.warn({ drainMs }, "jobs still running at the drain deadline are released to other workers");
      }
      await doorbell.close();
      await Promise.all(queues.map((queue) => queue.close()));
      notifier.close();
    },
  };
}
