import type { Request, RequestHandler, Response } from "express";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/** How a surface says "over budget"; the default is the tRPC and /auth JSON error. */
export type Refusal = (req: Request, res: Response, retryAfterSeconds: number) => void;

const jsonRefusal: Refusal = (_req, res, retryAfterSeconds) => {
  res.setHeader("Retry-After", String(retryAfterSeconds));
  res.status(429).json({ error: { code: "TOO_MANY_REQUESTS", message: "Too many requests; try again shortly" } });
};

/** Reads never count; every verb that can change something does (tRPC mutations are POSTs, REST also has PUT/PATCH/DELETE). */
const reads = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A per-client-address budget for calls that change something (tRPC mutations, /auth, REST
 * writes; each procedure of a tRPC batch is one call), counted in Redis so every API process, and every surface, shares it: limiters with the
 * same prefix spend the same points. Over budget → 429 with `Retry-After`.
 *
 * While Redis is unreachable each process counts in its own memory instead: the budget is looser
 * for that while (one per process), but the shop keeps taking orders rather than failing every
 * write because a counter could not be read.
 */
export function mutationLimit(
  redis: Redis,
  prefix: string,
  perMinute: number,
  refuse: Refusal = jsonRefusal,
  /** Units a request spends: one per procedure it calls (a tRPC batch calls several). */
  cost: (req: Request) => number = () => 1,
): RequestHandler {
  const keyPrefix = `${prefix}:mutations`;
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points: perMinute,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 }),
  });
  return (req, res, next) => {
    if (reads.has(req.method)) return next();
    limiter.consume(req.ip ?? "unknown", cost(req)).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        refuse(req, res, Math.ceil(rejection.msBeforeNext / 1000));
      },
    );
  };
}
