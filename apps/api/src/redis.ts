import { Redis } from "ioredis";
import type { Env } from "./env.js";
import { StartupError } from "./lifecycle/startup-error.js";
import type { Logger } from "./logger.js";

export { Redis };

export class RedisUnreachableError extends StartupError {
  override name = "RedisUnreachableError";
}

/** The one-line explanation printed when Redis is down at start-up. */
export function redisUnreachableMessage(url: string, cause: string): string {
  return (
    `Redis is not reachable at ${url} (${cause}). Start one with ` +
    `"redis-server --daemonize yes" (or "docker compose up -d redis"), or set REDIS_URL.`
  );
}

/**
 * Connects once without retrying, so a missing Redis is reported at start-up in one line instead of
 * an endless reconnect loop. The long-lived clients are created afterwards and do retry.
 */
export async function assertRedisReachable(url: string, timeoutMs = 2_000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket's own error ("connect ECONNREFUSED …") says more than the rejection ("Connection is closed").
  let socketError: string | undefined;
  probe.on("error", (error: Error) => {
    socketError ??= error.message;
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new RedisUnreachableError(redisUnreachableMessage(url, socketError ?? (error as Error).message));
  } finally {
    probe.disconnect();
  }
}

/**
 * A long-lived client, connected when this resolves. It then reconnects forever in the background;
 * the log gets one line when the connection is lost (with the reason) and one when it is back, not
 * one per retry.
 */
export async function connectRedis(
  env: Pick<Env, "REDIS_URL">,
  log: Logger,
  options: { failFast: boolean },
): Promise<Redis> {
  const redis = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    // The API fails commands at once while disconnected, so /readyz answers 503 instead of hanging;
    // BullMQ (the worker) requires commands to wait for the reconnection instead.
    ...(options.failFast ? { maxRetriesPerRequest: 1, enableOfflineQueue: false } : { maxRetriesPerRequest: null }),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let healthy = true;
  redis.on("error", (error: Error) => {
    if (!healthy) return;
    healthy = false;
    log.warn({ err: error, url: env.REDIS_URL }, "Redis connection lost; reconnecting");
  });
  redis.on("ready", () => {
    if (healthy) return;
    healthy = true;
    log.info({ url: env.REDIS_URL }, "Redis connection restored");
  });
  await redis.connect();
  return redis;
}
