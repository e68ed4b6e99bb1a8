import { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";

export const tokenIssuer = "bbscart";
export const tokenAudience = "bbscart-api";

interface SigningKey {
  kid: string;
  /**
   * Made once: given a string, jsonwebtoken first tries to parse it as a public key on every
   * call and builds the secret key from the thrown error — 14 % of the API's CPU under checkout load.
   */
  key: KeyObject;
}

/** Key ids are derived from the key, so rotating the secret rotates the id with it. */
const keyOf = (secret: string): SigningKey => ({
  kid: createHash("sha256").update(secret).digest("base64url").slice(0, 12),
  key: createSecretKey(Buffer.from(secret, "utf8")),
});

export interface AccessClaims {
  /** The user id. Role and permissions are not trusted from the token; they are read per request. */
  sub: string;
  /** The sign-in (refresh-token family) the token belongs to: once it ends, so does the token. */
  sid: string;
}

export class InvalidAccessToken extends Error {
  override name = "InvalidAccessToken";
}

/** How many verified tokens a process remembers (~600 bytes each); the oldest is forgotten first. */
export const VERIFIED_TOKENS_KEPT = 4096;

/**
 * Signs and verifies access JWTs: HS256 only (pinned on verify, so `alg: none` or a swapped
 * algorithm is refused), `iss`/`aud`/`exp` checked, `kid` naming the key so a previous secret keeps
 * verifying tokens it signed until they expire.
 *
 * A token that verified is remembered, by its whole text, until its `exp` (decision 171): checking
 * the signature and claims again cost ~50–100 µs of a request's CPU, twice per order, and gives the
 * same answer for the same text with the same keys, which a process holds for its life. Only the
 * expiry depends on the clock, and it is checked on every use. A token that fails is never
 * remembered, so what an attacker sends costs the full check and takes no room.
 */
export class AccessTokens {
  private readonly current: SigningKey;
  private readonly keys: Map<string, SigningKey>;
  /** Verified tokens and their claims, oldest first (a Map keeps insertion order). */
  private readonly verified = new Map<string, { claims: AccessClaims; exp: number }>();

  constructor(
    secrets: { current: string; previous?: string | undefined },
    private readonly ttlSeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.current = keyOf(secrets.current);
    const all = [this.current, ...(secrets.previous ? [keyOf(secrets.previous)] : [])];
    this.keys = new Map(all.map((key) => [key.kid, key]));
  }

  sign(claims: AccessClaims): { token: string; expiresIn: number } {
    const token = jwt.sign({ sid: claims.sid, iat: this.clockSeconds() }, this.current.key, {
      algorithm: "HS256",
      keyid: this.current.kid,
      issuer: tokenIssuer,
      audience: tokenAudience,
      subject: claims.sub,
      expiresIn: this.ttlSeconds,
    });
    return { token, expiresIn: this.ttlSeconds };
  }

  verify(token: string): AccessClaims {
    const remembered = this.verified.get(token);
    if (remembered) {
      if (this.clockSeconds() < remembered.exp) return remembered.claims;
      this.verified.delete(token);
      throw new InvalidAccessToken("jwt expired");
    }
    const { claims, exp, nbf } = this.check(token);
    // A token not valid before some time (never one of ours) is checked in full every time.
    if (nbf === undefined) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims, exp });
    }
    return claims;
  }

  /** The clock as jsonwebtoken reads it: a token has expired once this reaches its `exp`. */
  private clockSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** The full check: key, signature, algorithm, issuer, audience, expiry, subject and sign-in. */
  private check(token: string): { claims: AccessClaims; exp: number; nbf: unknown } {
    const header = jwt.decode(token, { complete: true })?.header;
    const key = header?.kid ? this.keys.get(header.kid) : undefined;
    if (!key) throw new InvalidAccessToken("unknown signing key");
    try {
      const payload = jwt.verify(token, key.key, {
        algorithms: ["HS256"],
        issuer: tokenIssuer,
        audience: tokenAudience,
        clockTimestamp: this.clockSeconds(),
      });
      if (typeof payload === "string" || typeof payload.sub !== "string") throw new InvalidAccessToken("no subject");
      // Tokens from before sign-ins were named cannot be checked for revocation: the client refreshes.
      if (typeof payload.sid !== "string") throw new InvalidAccessToken("no sign-in");
      // Every token this shop signs expires: one that does not is refused rather than trusted for ever.
      if (typeof payload.exp !== "number") throw new InvalidAccessToken("no expiry");
      return { claims: Object.freeze({ sub: payload.sub, sid: payload.sid }), exp: payload.exp, nbf: payload.nbf };
    } catch (error) {
      if (error instanceof InvalidAccessToken) throw error;
      throw new InvalidAccessToken((error as Error).message);
    }
  }
}

/** An opaque refresh token: 256 random bits; only its hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * The token that replaces `token` when it is rotated, derived rather than random: a tab presenting
 * the just-rotated token again within the grace window gets this same successor back, without the
 * server ever storing a token in the clear.
 */
export function successorOf(token: string, secret: string): string {
  return createHmac("sha256", secret).update(`refresh-successor:${token}`).digest("base64url");
}

/**
 * The secret a password-reset link carries, derived from the reset record's id: the database holds
 * only its hash, and the outbox only the id, so no readable token is ever at rest.
 */
export function resetTokenFor(resetId: string, secret: string): string {
  return createHmac("sha256", secret).update(`password-reset:${resetId}`).digest("base64url");
}
