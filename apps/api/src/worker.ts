import type { Server } from "node:http";
import { openDatabase } from "@bbscart/db";
import { serveMetrics } from "./http/metrics.js";
import { QueueInspector } from "./jobs/queue-health.js";
import { startWorkers } from "./jobs/workers.js";
import { announceReady, onShutdownSignal, runMain } from "./lifecycle/main.js";
import { createPaymentProvider } from "./providers/create-provider.js";
import { databaseOptions } from "./config/database.js";
import { metricsFrom } from "./metrics/metrics.js";
import { connectRedis } from "./redis.js";
import { systemClock } from "./runtime.js";

/** What the drain leaves of SHUTDOWN_TIMEOUT_MS for closing queues, Redis and the database. */
const CLOSE_MARGIN_MS = 1_000;

/** The background worker process: the queue workers listed in jobs/workers.ts, over one database connection. */
runMain("worker", async ({ env, log, secrets }) => {
  const redis = await connectRedis(env, log, { failFast: false });
  const metrics = metricsFrom(env);
  // Its own connection: the worker commits decisions (expiry, delivery markers) like the API does.
  const db = await openDatabase(databaseOptions(env, metrics));
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
  let metricsServer: Server | null = null;
  if (metrics && env.METRICS_PORT !== undefined) {
    metrics.watchQueues(new QueueInspector(redis, env.REDIS_PREFIX), env.READINESS_TIMEOUT_MS);
    metricsServer = await serveMetrics(metrics, env.METRICS_PORT, env.HOST);
  } else if (metrics) {
    log.warn("METRICS_ENABLED is set but METRICS_PORT is not: the worker has no HTTP server, so it serves no metrics");
  }
  onShutdownSignal(log, env.SHUTDOWN_TIMEOUT_MS, async () => {
    metricsServer?.close();
    await workers.close(Math.max(env.SHUTDOWN_TIMEOUT_MS - CLOSE_MARGIN_MS, env.SHUTDOWN_TIMEOUT_MS / 2));
    await redis.quit();
    await db.close();
  });
  log.info({ redis: env.REDIS_URL, prefix: env.REDIS_PREFIX, metrics: metricsServer ? `http://${env.HOST}:${env.METRICS_PORT}/metrics` : "off" }, "worker ready");
  announceReady({});
});
