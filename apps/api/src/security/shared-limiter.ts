import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/** A budget of `points` per `windowSeconds`. */
export interface Budget {
  points: number;
  windowSeconds: number;
}

/**
 * A limiter every API process shares through Redis under `keyPrefix`; while Redis is unreachable
 * each process counts in its own memory instead (a looser limit for that while, never an outage).
 */
export function sharedLimiter(redis: Redis, keyPrefix: string, { points, windowSeconds }: Budget): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds }),
  });
}
