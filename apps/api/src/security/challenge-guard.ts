import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

export interface ChallengeGuardLimits {
  /** Codes one challenge may be tried with, right or wrong. */
  attempts: number;
  /** The challenge's lifetime: the counters need not outlive it. */
  windowSeconds: number;
}

/**
 * Counts what happens to each sign-in challenge, shared by every API process through Redis (each
 * process's memory while Redis is unreachable, as the login throttle does):
 * - a code attempt is reserved (an atomic increment) before the code is checked, so concurrent
 *   guesses can never check more codes than the limit; past it the challenge is dead;
 * - completion is claimed once (a one-point limiter), so one challenge gives at most one session
 *   even when a code and a recovery code arrive at the same moment.
 */
export class ChallengeGuard {
  private readonly tries: RateLimiterRedis;
  private readonly completions: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, limits: ChallengeGuardLimits) {
    const limiter = (name: string, points: number) => {
      const keyPrefix = `${prefix}:sign-in-challenge:${name}`;
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: limits.windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds }),
      });
    };
    this.tries = limiter("tries", limits.attempts);
    this.completions = limiter("done", 1);
  }

  /** Reserves one code check on `attempt`; false once its attempts are spent. */
  async tryCode(attempt: string): Promise<boolean> {
    return this.claim(this.tries, attempt);
  }

  /** Whether the challenge completed already (checked first, so a late code is not spent on it). */
  async completed(attempt: string): Promise<boolean> {
    const spent = await this.completions.get(attempt);
    return spent !== null && spent.consumedPoints >= 1;
  }

  /** True for the first caller only: the one whose sign-in this challenge completes. */
  async complete(attempt: string): Promise<boolean> {
    return this.claim(this.completions, attempt);
  }

  private async claim(limiter: RateLimiterRedis, key: string): Promise<boolean> {
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }
}
