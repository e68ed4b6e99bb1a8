import { checkRefreshToken, type Clock, type IdGenerator, type Repositories, type RefreshToken } from "@bbscart/core";
import { hashToken, newRefreshToken, successorOf } from "../../auth/tokens.js";

export interface SessionPolicy {
  refreshTtlDays: number;
  graceSeconds: number;
  /** Derives rotated tokens (see `successorOf`); the JWT secret, so all processes agree. */
  secret: string;
}

/** A sign-in's refresh token and the family it belongs to (access tokens name the family). */
export interface SignIn {
  refreshToken: string;
  familyId: string;
}

export type RefreshOutcome =
  | ({ kind: "rotated"; userId: string } & SignIn)
  /** An already-rotated token presented after the grace window: the family is now revoked. */
  | { kind: "reused" }
  | { kind: "invalid" };

/**
 * Refresh-token families: sign-in starts one, every refresh rotates within it, replaying a rotated
 * token revokes it. All decisions run inside the caller's unit of work.
 */
export class Sessions {
  constructor(
    private readonly policy: SessionPolicy,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  private record(userId: string, familyId: string, token: string, now: Date): RefreshToken {
    return {
      id: this.ids.next(),
      userId,
      familyId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.policy.refreshTtlDays * 86_400_000),
      rotatedAt: null,
      revokedAt: null,
    };
  }

  /** A new family for a fresh sign-in; returns the token for the cookie and the family's id. */
  async start(repos: Repositories, userId: string): Promise<SignIn> {
    const refreshToken = newRefreshToken();
    const familyId = this.ids.next();
    await repos.sessions.create(this.record(userId, familyId, refreshToken, this.clock.now()));
    return { refreshToken, familyId };
  }

  /**
   * Rotates `presented`. Within the grace window after a rotation, presenting the old token again
   * (two tabs refreshing at once) returns the same successor; later, it is reuse and burns the family.
   */
  async rotate(repos: Repositories, presented: string): Promise<RefreshOutcome> {
    const now = this.clock.now();
    const stored = await repos.sessions.findByHash(hashToken(presented));
    if (!stored) return { kind: "invalid" };
    const successor = successorOf(presented, this.policy.secret);

    const verdict = checkRefreshToken(stored, now);
    if (verdict.ok) {
      if (await repos.sessions.markRotated(stored.id, now)) {
        await repos.sessions.create(this.record(stored.userId, stored.familyId, successor, now));
      }
      // Otherwise a concurrent refresh of this same token won the guarded write; it stores this
      // very successor, so both callers end up holding the same token.
      return { kind: "rotated", userId: stored.userId, refreshToken: successor, familyId: stored.familyId };
    }
    if (verdict.error.code !== "TOKEN_REUSED" || stored.rotatedAt === null) return { kind: "invalid" };

    // Rotated already — by another tab a moment ago, or by an attacker replaying it.
    const next = await repos.sessions.findByHash(hashToken(successor));
    const withinGrace = now.getTime() - stored.rotatedAt.getTime() <= this.policy.graceSeconds * 1000;
    if (withinGrace && next && next.revokedAt === null && next.expiresAt > now) {
      return { kind: "rotated", userId: stored.userId, refreshToken: successor, familyId: stored.familyId };
    }
    await repos.sessions.revokeFamily(stored.familyId, now);
    return { kind: "reused" };
  }

  /** Ends the family of `presented` (logout); unknown tokens are ignored. */
  async end(repos: Repositories, presented: string): Promise<void> {
    const stored = await repos.sessions.findByHash(hashToken(presented));
    if (stored) await repos.sessions.revokeFamily(stored.familyId, this.clock.now());
  }
}
