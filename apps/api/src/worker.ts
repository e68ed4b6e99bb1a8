import { announceReady, onShutdownSignal, runMain } from "./lifecycle/main.js";
import { connectRedis } from "./redis.js";

/** The background worker. Later issues register their BullMQ queues (notifications, webhooks) here. */
runMain("worker", async ({ env, log }) => {
  const redis = await connectRedis(env, log, { failFast: false });
  onShutdownSignal(log, env.SHUTDOWN_TIMEOUT_MS, async () => {
    await redis.quit();
  });
  log.info({ redis: env.REDIS_URL, prefix: env.REDIS_PREFIX }, "worker ready");
  announceReady({});
});
