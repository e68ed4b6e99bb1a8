import path from "node:path";
import { openDatabase } from "@bbscart/db";
import { orderExpiryWorker } from "./jobs/order-expiry-worker.js";
import { announceReady, onShutdownSignal, runMain } from "./lifecycle/main.js";
import { outboxDelivery } from "./notifications/deliver.js";
import { FileNotifier } from "./notifications/file-notifier.js";
import { InProcessPaymentProvider } from "./payments/in-process-provider.js";
import { connectRedis } from "./redis.js";
import { systemClock } from "./runtime.js";

/** The background worker: expires unpaid orders. Later issues register their queues (notifications, webhooks) here. */
runMain("worker", async ({ env, log }) => {
  const redis = await connectRedis(env, log, { failFast: false });
  // Its own connection: the worker commits decisions (expiry) like the API does.
  const db = await openDatabase({ dataDir: env.DATA_DIR, mongodbUri: env.MONGODB_URI, sqliteSynchronous: env.SQLITE_SYNCHRONOUS });
  const notifier = new FileNotifier(path.join(env.DATA_DIR, "mail"), "BBSCART <no-reply@bbscart.local>");
  const deliver = outboxDelivery({ db, clock: systemClock, log, notifier, enrich: (notification) => notification });
  const expiry = orderExpiryWorker(env, { db, clock: systemClock, log, provider: new InProcessPaymentProvider(), deliver });
  onShutdownSignal(log, env.SHUTDOWN_TIMEOUT_MS, async () => {
    // Finish the job in hand, then let go of Redis and the database.
    await expiry.close();
    await redis.quit();
    await db.close();
  });
  log.info({ redis: env.REDIS_URL, prefix: env.REDIS_PREFIX }, "worker ready");
  announceReady({});
});
