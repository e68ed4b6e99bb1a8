import { RateLimiterRedis } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

export interface LoginThrottleLimits {
  perAccountIp: { points: number; windowSeconds: number };
  perAccount: { points: number; windowSeconds: number };
  /** How long an address that signed in successfully stays "known" for the account. */
  knownAddressDays: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed-login throttling in Redis, shared by every API process.
 *
 * - Per account and client address: a handful of failures, then that pair waits out the window.
 * - Per account from everywhere: a higher ceiling against attacks spread over many addresses. Past
 *   it, addresses the owner signed in from before may still try, so an attacker cannot lock the
 *   owner out by failing on purpose; unknown addresses wait until the window ends.
 * A successful sign-in clears its pair's counter and remembers the address.
 */
export class LoginThrottle {
  private readonly accountIp: RateLimiterRedis;
  private readonly account: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginThrottleLimits,
  ) {
    this.accountIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-fail:account-ip`,
      points: limits.perAccountIp.points,
      duration: limits.perAccountIp.windowSeconds,
    });
    this.account = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-fail:account`,
      points: limits.perAccount.points,
      duration: limits.perAccount.windowSeconds,
    });
  }

  private knownKey(email: string): string {
    return `${this.prefix}:login-known:${email}`;
  }

  /** Whether this account may try a password from this address now. */
  async check(email: string, ip: string): Promise<ThrottleVerdict> {
    const [pair, overall] = await Promise.all([this.accountIp.get(`${email}|${ip}`), this.account.get(email)]);
    if (pair && pair.consumedPoints >= this.limits.perAccountIp.points) {
      return { allowed: false, retryAfterSeconds: Math.ceil(pair.msBeforeNext / 1000) };
    }
    if (overall && overall.consumedPoints >= this.limits.perAccount.points) {
      const known = await this.redis.sismember(this.knownKey(email), ip);
      if (known !== 1) return { allowed: false, retryAfterSeconds: Math.ceil(overall.msBeforeNext / 1000) };
    }
    return { allowed: true };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.accountIp.penalty(`${email}|${ip}`, 1),
      this.account.penalty(email, 1),
    ]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    const known = this.knownKey(email);
    await Promise.all([
      this.accountIp.delete(`${email}|${ip}`),
      this.redis.multi().sadd(known, ip).expire(known, this.limits.knownAddressDays * 86_400).exec(),
    ]);
  }
}
