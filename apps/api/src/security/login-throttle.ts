import { RateLimiterRes, type RateLimiterRedis } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import { sharedLimiter, type Budget } from "./shared-limiter.js";

export interface LoginThrottleLimits {
  perAccountIp: { points: number; windowSeconds: number };
  perAccount: { points: number; windowSeconds: number };
  /** How long an address that signed in successfully stays "known" for the account. */
  knownAddressDays: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const refusal = (rejection: unknown): ThrottleVerdict => {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
};

/**
 * Password-guessing throttle, shared by every API process through Redis.
 *
 * - Per account and client address: a handful of attempts, then that pair waits out the window.
 * - Per account from everywhere: a higher ceiling against attacks spread over many addresses. Past
 *   it, addresses the owner signed in from before may still try, so an attacker cannot lock the
 *   owner out by failing on purpose; unknown addresses wait until the window ends.
 *
 * An attempt is reserved (an atomic increment in Redis) before the password is checked and given
 * back when it was right, so however many attempts arrive at once — a batch, parallel requests,
 * several API processes — no more passwords are checked than the limit allows. While Redis is
 * unreachable each process reserves in its own memory instead (a limit per process), so sign-in
 * keeps working; addresses are then treated as unknown.
 */
export class LoginThrottle {
  private readonly accountIp: RateLimiterRedis;
  private readonly account: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginThrottleLimits,
  ) {
    const limiter = (name: string, budget: Budget) => sharedLimiter(redis, `${prefix}:login-fail:${name}`, budget);
    this.accountIp = limiter("account-ip", limits.perAccountIp);
    this.account = limiter("account", limits.perAccount);
  }

  private knownKey(email: string): string {
    return `${this.prefix}:login-known:${email}`;
  }

  private async isKnown(email: string, ip: string): Promise<boolean> {
    return this.redis.sismember(this.knownKey(email), ip).then(
      (member) => member === 1,
      () => false,
    );
  }

  /**
   * Reserves one password check for this account from this address, or says how long to wait.
   * Every allowed reservation must end in {@link succeeded} or stay spent (a failed attempt).
   */
  async reserve(email: string, ip: string): Promise<ThrottleVerdict> {
    const pair = `${email}|${ip}`;
    try {
      await this.accountIp.consume(pair);
    } catch (rejection) {
      return refusal(rejection);
    }
    try {
      await this.account.consume(email);
    } catch (rejection) {
      const verdict = refusal(rejection);
      if (await this.isKnown(email, ip)) return { allowed: true };
      // Refused before any check: this address's own count gets its unit back.
      await this.accountIp.reward(pair, 1);
      return verdict;
    }
    return { allowed: true };
  }

  /** The reserved attempt was right: the pair starts afresh, the account's unit is returned, the address is remembered. */
  async succeeded(email: string, ip: string): Promise<void> {
    const known = this.knownKey(email);
    await Promise.all([
      this.accountIp.delete(`${email}|${ip}`),
      this.account.reward(email, 1),
      this.redis
        .multi()
        .sadd(known, ip)
        .expire(known, this.limits.knownAddressDays * 86_400)
        .exec()
        // Remembering is a convenience for the owner; sign-in must not fail while Redis is away.
        .catch(() => undefined),
    ]);
  }
}
