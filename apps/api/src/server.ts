import { once } from "node:events";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@bbscart/db";
import { LocalFileStorage } from "@bbscart/db/files";
import { composeApp } from "./compose.js";
import { shopServer } from "./http/shop-server.js";
import { uploadsDir } from "./config/paths.js";
import { announceReady, onShutdownSignal, runMain } from "./lifecycle/main.js";
import { StartupError } from "./lifecycle/startup-error.js";
import { BullJobScheduler } from "./jobs/queues.js";
import { createPaymentProvider } from "./providers/create-provider.js";
import { databaseOptions } from "./config/database.js";
import { metricsFrom } from "./metrics/metrics.js";
import { connectRedis } from "./redis.js";
import { systemClock } from "./runtime.js";
import { ensureSalesRollups } from "./services/reports/index.js";

const { version } = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

runMain("api", async ({ env, log, secrets }) => {
  const metrics = metricsFrom(env);
  const db = await openDatabase(databaseOptions(env, metrics));
  const redis = await connectRedis(env, log, { failFast: true });

  // Listen first, so the address is known (PORT=0 picks one) before links and allowed origins are built.
  const { server, serve } = shopServer();
  server.listen(env.PORT, env.HOST);
  try {
    await once(server, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`Port ${env.PORT} on ${env.HOST} is in use; set PORT to a free one.`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  const url = env.PUBLIC_URL ?? `http://${shownHost}:${port}`;

  const jobs = new BullJobScheduler(env, systemClock, log);
  const { app } = composeApp({
    env,
    log,
    secrets,
    db,
    redis,
    files: new LocalFileStorage(uploadsDir(env)),
    version,
    publicUrl: url,
    provider: createPaymentProvider(env, redis, secrets),
    jobs,
    metrics,
  });
  serve(app);

  onShutdownSignal(log, env.SHUTDOWN_TIMEOUT_MS, async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets that finish their last response become idle; close them as they do.
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    await closed;
    clearInterval(reaper);
    await jobs.close();
    await redis.quit();
    await db.close();
  });
  log.info({ url, engine: db.engine, dataDir: env.DATA_DIR, payments: env.PAYMENT_PROVIDER, metrics: metrics ? `${url}/metrics` : "off" }, "BBSCART API listening");
  // In the background, in short batches: the dashboard recounts orders until the rollups are ready.
  ensureSalesRollups(db, { daysPerBatch: env.ROLLUP_REBUILD_DAYS_PER_BATCH }).then(
    (rebuilt) => rebuilt && log.info(rebuilt, "sales rollups rebuilt"),
    (error: unknown) => log.error({ err: error }, "sales rollups rebuild failed; the dashboard keeps recounting orders"),
  );
  announceReady({ url, port });
});
