import { createHash, createSecretKey, hkdfSync, randomUUID, type KeyObject } from "node:crypto";
import type { Clock } from "@bbscart/core";
import jwt from "jsonwebtoken";
import { tokenIssuer } from "./tokens.js";

/** The audience of sign-in challenges: never `bbscart-api`, so no access-token check accepts one. */
export const challengeAudience = "bbscart-sign-in-challenge";

/** What a challenge binds: the account, the sign-in attempt, and the password it was given with. */
export interface ChallengeClaims {
  sub: string;
  /** This sign-in attempt: wrong codes are counted against it and it completes once. */
  attempt: string;
  /** A digest of the password hash when the challenge was issued: a password change or reset kills it. */
  passwordDigest: string;
  /** The address the password came from, whose sign-in throttle unit is given back on completion. */
  ip: string;
}

export class InvalidChallenge extends Error {
  override name = "InvalidChallenge";
}

/** A short digest of a password hash: changes whenever the password does, reveals nothing of it. */
export const passwordDigest = (passwordHash: string): string => createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);

/**
 * The single-purpose token a correct password earns an account with a second factor: a JWT signed
 * with its own key (HKDF of the JWT secret with a label of its own, so it shares no key with access
 * tokens), its own audience and a short life. It is not an access token (wrong key and audience for
 * every authenticated route) nor a refresh token (those are opaque and looked up by hash).
 */
export class SignInChallenges {
  private readonly key: KeyObject;

  constructor(
    jwtSecret: string,
    readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.key = createSecretKey(Buffer.from(hkdfSync("sha256", jwtSecret, "bbscart", "sign-in challenge v1", 32)));
  }

  issue(claims: Omit<ChallengeClaims, "attempt">): { token: string; attempt: string; expiresIn: number } {
    const attempt = randomUUID();
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign({ pwd: claims.passwordDigest, ip: claims.ip, iat }, this.key, {
      algorithm: "HS256",
      issuer: tokenIssuer,
      audience: challengeAudience,
      subject: claims.sub,
      jwtid: attempt,
      expiresIn: this.ttlSeconds,
    });
    return { token, attempt, expiresIn: this.ttlSeconds };
  }

  verify(token: string): ChallengeClaims {
    try {
      const payload = jwt.verify(token, this.key, {
        algorithms: ["HS256"],
        issuer: tokenIssuer,
        audience: challengeAudience,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof payload === "string") throw new InvalidChallenge("not a challenge");
      const { sub, jti, pwd, ip } = payload as jwt.JwtPayload & { pwd?: unknown; ip?: unknown };
      if (typeof sub !== "string" || typeof jti !== "string" || typeof pwd !== "string" || typeof ip !== "string") {
        throw new InvalidChallenge("not a challenge");
      }
      return { sub, attempt: jti, passwordDigest: pwd, ip };
    } catch (error) {
      if (error instanceof InvalidChallenge) throw error;
      throw new InvalidChallenge((error as Error).message);
    }
  }
}
