import { once } from "node:events";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Clock, DatabaseHandle, PaymentProvider } from "@bbscart/core";
import { openDatabase } from "@bbscart/db";
import { LocalFileStorage } from "@bbscart/db/files";
import { composeApp } from "../src/compose.js";
import { parseEnv, type Env } from "../src/env.js";
import { shopServer } from "../src/http/shop-server.js";
import { BullJobScheduler } from "../src/jobs/queues.js";
import { startWorkers } from "../src/jobs/workers.js";
import { createLogger } from "../src/logger.js";
import { InProcessPaymentProvider } from "../src/providers/in-process-provider.js";
import { systemClock } from "../src/runtime.js";
import { databaseOptions } from "../src/config/database.js";
import { metricsFrom } from "../src/metrics/metrics.js";
import { connectRedis } from "../src/redis.js";
import type { Services } from "../src/services/index.js";
import type { TaxDocumentSource } from "../src/services/invoices/index.js";
import type { Redis } from "ioredis";
import { testEnv } from "./test-env.js";

export interface RunningApp {
  url: string;
  env: Env;
  db: DatabaseHandle;
  services: Services;
  provider: InProcessPaymentProvider;
  close(): Promise<void>;
}

export const testSecrets = {
  jwtSecret: "test-jwt-secret-0123456789abcdef0123456789",
  webhookSecret: "whsec_test_0123456789abcdef",
  totpSecret: "test-totp-sealing-secret-0123456789abcdef",
};

let runs = 0;

/**
 * The real app as server.ts wires it — real SQLite file (or the database given), real Redis (with a key prefix of its own),
 * real HTTP on a free port — minus process signals, so tests speak HTTP to it like any client.
 * `variables` are environment variables as an operator would set them.
 */
export async function startApp(options: {
  dataDir: string;
  redisUrl?: string;
  variables?: Record<string, string>;
  clock?: Clock;
  /** Also run the worker process's queue workers in this process (notifications get delivered). */
  workers?: boolean;
  /** The payment provider the app and its workers use, instead of the in-process one (`provider` below). */
  paymentProvider?: (redis: Redis, env: Env) => PaymentProvider;
  /** A database opened elsewhere (the MongoDB lane's), instead of SQLite under `dataDir`; the app closes it. */
  db?: DatabaseHandle;
  /** Issued GST documents the app prints (fixtures until the issuing service exists). */
  taxDocuments?: TaxDocumentSource;
}): Promise<RunningApp> {
  runs += 1;
  const env = parseEnv({
    DATA_DIR: options.dataDir,
    REDIS_URL: options.redisUrl ?? testEnv.redisUrl,
    REDIS_PREFIX: `test-${process.pid}-${runs}-${Date.now()}`,
    LOG_LEVEL: "silent",
    SQLITE_SYNCHRONOUS: "NORMAL",
    PAYMENT_PROVIDER: "sandbox",
    // Every test calls from 127.0.0.1 and signs accounts in freely; tests of these budgets set their own.
    AUTH_CALLS_PER_IP_PER_MINUTE: "1000000",
    AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: "1000000",
    ...options.variables,
  });
  const log = createLogger(env, "api");
  const metrics = metricsFrom(env);
  const db = options.db ?? (await openDatabase(databaseOptions(env, metrics)));
  const redis = await connectRedis(env, log, { failFast: true });
  const jobs = new BullJobScheduler(env, options.clock ?? systemClock, log);
  const provider = new InProcessPaymentProvider();
  const payments = options.paymentProvider?.(redis, env) ?? provider;
  const { server, serve } = shopServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { app, services } = composeApp({
    env,
    log,
    secrets: testSecrets,
    db,
    redis,
    files: new LocalFileStorage(path.join(env.DATA_DIR, "uploads")),
    version: "0.0.0-test",
    publicUrl: url,
    provider: payments,
    jobs,
    metrics,
    ...(options.clock ? { clock: options.clock } : {}),
    taxDocuments: options.taxDocuments,
  });
  serve(app);
  const workers = options.workers
    ? await startWorkers({ env, log, secrets: testSecrets, db, clock: options.clock ?? systemClock, provider: payments, publicUrl: url })
    : null;
  return {
    url,
    env,
    db,
    services,
    provider,
    close: async () => {
      await workers?.close(env.SHUTDOWN_TIMEOUT_MS);
      await jobs.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // Leave the shared Redis as we found it; a test that stopped its own Redis has nothing to clean.
      if (redis.status === "ready") {
        const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
      await db.close();
    },
  };
}
