import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { ThrottleVerdict } from "./login-throttle.js";

export interface AuthBudgetLimits {
  perIpPerMinute: number;
  perAccountPerMinute: number;
}

/**
 * The budget of the deliberately expensive account calls (sign-in, registration, password reset
 * and change: each hashes a password or sends an email), spent inside the procedure, so a tRPC
 * batch, the REST surface and concurrent requests all pay one unit per call. Per client address
 * and, separately, per account (email or user id) from every address together, so neither many
 * accounts from one address nor one account from many addresses escape it.
 *
 * Counted in Redis, shared by every API process; while Redis is unreachable each process counts
 * in its own memory (looser, one budget per process, but sign-in keeps working).
 */
export class AuthBudget {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, limits: AuthBudgetLimits) {
    const limiter = (name: string, points: number) => {
      const keyPrefix = `${prefix}:auth-budget:${name}`;
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: 60,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
      });
    };
    this.perIp = limiter("ip", limits.perIpPerMinute);
    this.perAccount = limiter("account", limits.perAccountPerMinute);
  }

  /** Spends one unit of the address's budget and, when the call names one, of the account's. */
  async spend(ip: string, account: string | null): Promise<ThrottleVerdict> {
    const spent = await Promise.allSettled([this.perIp.consume(ip), ...(account === null ? [] : [this.perAccount.consume(account)])]);
    const refusals = spent.flatMap((outcome) => {
      if (outcome.status === "fulfilled") return [];
      if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
      return [outcome.reason.msBeforeNext];
    });
    if (refusals.length === 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...refusals) / 1000)) };
  }
}
