import type { RequestHandler } from "express";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * A per-client-address budget for requests that change something (tRPC mutations, /auth), counted
 * in Redis so every API process shares it. Over budget → 429 with `Retry-After`.
 */
export function mutationLimit(redis: Redis, prefix: string, perMinute: number): RequestHandler {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:mutations`, points: perMinute, duration: 60 });
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    limiter.consume(req.ip ?? "unknown").then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        res.setHeader("Retry-After", String(Math.ceil(rejection.msBeforeNext / 1000)));
        res.status(429).json({ error: { code: "TOO_MANY_REQUESTS", message: "Too many requests; try again shortly" } });
      },
    );
  };
}
