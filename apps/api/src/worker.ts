import { openDatabase } from "@bbscart/db";
import { startWorkers } from "./jobs/workers.js";
import { announceReady, onShutdownSignal, runMain } from "./lifecycle/main.js";
import { createPaymentProvider } from "./providers/create-provider.js";
import { connectRedis } from "./redis.js";
import { systemClock } from "./runtime.js";

/** What the drain leaves of SHUTDOWN_TIMEOUT_MS for closing queues, Redis and the database. */
const CLOSE_MARGIN_MS = 1_000;

/** The background worker process: the queue workers listed in jobs/workers.ts, over one database connection. */
runMain("worker", async ({ env, log, secrets }) => {
  const redis = await connectRedis(env, log, { failFast: false });
  // Its own connection: the worker commits decisions (expiry, delivery markers) like the API does.
  const db = await openDatabase({ dataDir: env.DATA_DIR, mongodbUri: env.MONGODB_URI, mongoTransactionRetryMs: env.MONGODB_TRANSACTION_RETRY_MS, sqliteSynchronous: env.SQLITE_SYNCHRONOUS });
  const workers = await startWorkers({
    env,
    log,
    secrets,
    db,
    clock: systemClock,
    provider: createPaymentProvider(env, redis, secrets),
    // Links in messages point at the shop; without PUBLIC_URL, at the API's own address.
    publicUrl: env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
  });
  onShutdownSignal(log, env.SHUTDOWN_TIMEOUT_MS, async () => {
    await workers.close(Math.max(env.SHUTDOWN_TIMEOUT_MS - CLOSE_MARGIN_MS, env.SHUTDOWN_TIMEOUT_MS / 2));
    await redis.quit();
    await db.close();
  });
  log.info({ redis: env.REDIS_URL, prefix: env.REDIS_PREFIX }, "worker ready");
  announceReady({});
});
