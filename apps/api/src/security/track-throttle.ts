import { RateLimiterRes, type RateLimiterRedis } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { ThrottleVerdict } from "./login-throttle.js";
import { sharedLimiter, type Budget } from "./shared-limiter.js";

export interface TrackThrottleLimits {
  /** Lookups one client address may make in a window, whatever numbers it tries. */
  perIp: Budget;
  /** Lookups of one order number from everywhere, against guessing its email or phone. */
  perOrder: Budget;
}

/**
 * "Track your order" against guessing (ADR 142), shared by every API process through Redis like the
 * sign-in throttle: a lookup spends one unit of its client address and one of the order number it
 * names before anything is looked up, so a sweep of numbers from one address and a sweep of emails
 * against one number both stop at their limit. A lookup that found its order gives the number's unit
 * back (the owner coming back is no guess). While Redis is unreachable each process counts in its
 * own memory instead.
 */
export class TrackThrottle {
  private readonly ip: RateLimiterRedis;
  private readonly order: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, limits: TrackThrottleLimits) {
    const limiter = (name: string, budget: Budget) => sharedLimiter(redis, `${prefix}:track:${name}`, budget);
    this.ip = limiter("ip", limits.perIp);
    this.order = limiter("order", limits.perOrder);
  }

  /** Spends one lookup of `number` from `ip`, or says how long to wait. */
  async reserve(number: string, ip: string): Promise<ThrottleVerdict> {
    try {
      await this.ip.consume(ip);
      await this.order.consume(number);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  /** The lookup found its order: the number's unit comes back. */
  async found(number: string): Promise<void> {
    await this.order.reward(number, 1).catch(() => undefined);
  }
}
