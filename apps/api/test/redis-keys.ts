import { Redis } from "ioredis";
import { testEnv } from "./test-env.js";

/** Removes the keys a test's own processes left under `prefix` (SCAN + DEL: the shared Redis is never flushed). */
export async function removeKeys(prefix: string): Promise<void> {
  const redis = new Redis(testEnv.redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
