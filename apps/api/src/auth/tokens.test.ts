import { createHash } from "node:crypto";
import jwt from "jsonwebtoken";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AccessTokens, InvalidAccessToken, tokenAudience, tokenIssuer, VERIFIED_TOKENS_KEPT } from "./tokens.js";

const secret = "a-signing-secret-of-at-least-32-characters";
const kidOf = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 12);
/** A token as signed from the secret string itself: what a process of an earlier release issued. */
const issuedFromString = (key: string, algorithm: jwt.Algorithm = "HS256") =>
  jwt.sign({ sid: "family-1" }, key, { algorithm, keyid: kidOf(key), issuer: tokenIssuer, audience: tokenAudience, subject: "user-1", expiresIn: 60 });

describe("access tokens signed with a key object made once", () => {
  it("verifies its own tokens and tokens signed from the secret string, so sessions survive the upgrade", () => {
    const tokens = new AccessTokens({ current: secret }, 60);
    expect(tokens.verify(tokens.sign({ sub: "user-2", sid: "family-2" }).token)).toEqual({ sub: "user-2", sid: "family-2" });
    expect(tokens.verify(issuedFromString(secret))).toEqual({ sub: "user-1", sid: "family-1" });
  });

  it("keeps verifying the previous secret's tokens after a rotation, and refuses other keys and algorithms", () => {
    const previous = "the-previous-signing-secret-32-characters";
    const tokens = new AccessTokens({ current: secret, previous }, 60);
    expect(tokens.verify(issuedFromString(previous))).toEqual({ sub: "user-1", sid: "family-1" });
    expect(() => tokens.verify(issuedFromString("an-unknown-secret-of-32-characters-long"))).toThrow(InvalidAccessToken);
    expect(() => tokens.verify(issuedFromString(secret, "HS512"))).toThrow(/invalid algorithm/);
  });
});

describe("access tokens name their sign-in", () => {
  it("refuses a token that names no sign-in, since its revocation could not be checked", () => {
    const tokens = new AccessTokens({ current: secret }, 60);
    const unnamed = jwt.sign({}, secret, { algorithm: "HS256", keyid: kidOf(secret), issuer: tokenIssuer, audience: tokenAudience, subject: "user-1", expiresIn: 60 });
    expect(() => tokens.verify(unnamed)).toThrow(InvalidAccessToken);
  });
});

describe("verified tokens remembered until they expire (decision 171)", () => {
  afterEach(() => vi.restoreAllMocks());
  const start = Date.parse("2026-12-07T10:00:00.250Z");
  /** A token service on a clock the test moves, and a count of full signature checks. */
  const clocked = (ttlSeconds = 60) => {
    const clock = { ms: start };
    const tokens = new AccessTokens({ current: secret }, ttlSeconds, () => clock.ms);
    const checks = vi.spyOn(jwt, "verify");
    return { clock, tokens, checks };
  };

  it("checks a token in full once and answers the same claims from memory after", () => {
    const { tokens, checks } = clocked();
    const { token } = tokens.sign({ sub: "user-1", sid: "family-1" });
    const first = tokens.verify(token);
    for (let i = 0; i < 5; i++) expect(tokens.verify(token)).toEqual({ sub: "user-1", sid: "family-1" });
    expect(checks).toHaveBeenCalledTimes(1);
    expect(tokens.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("refuses a remembered token from the second it expires, as the full check does, and for good", () => {
    const { clock, tokens } = clocked(60);
    const { token } = tokens.sign({ sub: "user-1", sid: "family-1" });
    tokens.verify(token);
    const exp = Math.floor(start / 1000) + 60;
    clock.ms = exp * 1000 - 1;
    expect(tokens.verify(token)).toEqual({ sub: "user-1", sid: "family-1" });
    clock.ms = exp * 1000;
    expect(() => tokens.verify(token)).toThrow(/jwt expired/);
    expect(() => tokens.verify(token)).toThrow(/jwt expired/);
    // A fresh process on the same clock agrees: the memory never outlives what the check allows.
    const fresh = new AccessTokens({ current: secret }, 60, () => clock.ms);
    expect(() => fresh.verify(token)).toThrow(/jwt expired/);
  });

  it("does not let a remembered token vouch for an altered one", () => {
    const { tokens } = clocked();
    const { token } = tokens.sign({ sub: "user-1", sid: "family-1" });
    tokens.verify(token);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const otherUser = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sub: "user-2" })).toString("base64url");
    expect(() => tokens.verify(`${header}.${otherUser}.${signature}`)).toThrow(/invalid signature/);
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    expect(() => tokens.verify(`${header}.${payload}.${flipped}`)).toThrow(InvalidAccessToken);
    expect(() => tokens.verify(`${token}x`)).toThrow(InvalidAccessToken);
  });

  it("never remembers a refused token: each attempt is checked in full", () => {
    const { tokens, checks } = clocked();
    const forged = issuedFromString(secret, "HS512");
    for (let i = 0; i < 3; i++) expect(() => tokens.verify(forged)).toThrow(/invalid algorithm/);
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it("refuses a token without an expiry, and checks a not-before token in full every time", () => {
    const { clock, tokens, checks } = clocked();
    const claims = { algorithm: "HS256" as const, keyid: kidOf(secret), issuer: tokenIssuer, audience: tokenAudience, subject: "user-1" };
    const now = Math.floor(clock.ms / 1000);
    const forever = jwt.sign({ sid: "family-1", iat: now }, secret, claims);
    expect(() => tokens.verify(forever)).toThrow(/no expiry/);
    const later = jwt.sign({ sid: "family-1", iat: now, nbf: now + 30 }, secret, { ...claims, expiresIn: 60 });
    expect(() => tokens.verify(later)).toThrow(/jwt not active/);
    clock.ms += 30_000;
    expect(tokens.verify(later)).toEqual({ sub: "user-1", sid: "family-1" });
    expect(tokens.verify(later)).toEqual({ sub: "user-1", sid: "family-1" });
    expect(checks).toHaveBeenCalledTimes(4);
  });

  it("keeps at most VERIFIED_TOKENS_KEPT tokens, forgetting the oldest first", () => {
    const { tokens, checks } = clocked();
    const issued = Array.from({ length: VERIFIED_TOKENS_KEPT + 1 }, (_, i) => tokens.sign({ sub: `user-${i}`, sid: `family-${i}` }).token);
    for (const token of issued) tokens.verify(token);
    expect(checks).toHaveBeenCalledTimes(VERIFIED_TOKENS_KEPT + 1);
    tokens.verify(issued.at(-1)!);
    tokens.verify(issued[1]!);
    expect(checks).toHaveBeenCalledTimes(VERIFIED_TOKENS_KEPT + 1);
    expect(tokens.verify(issued[0]!)).toEqual({ sub: "user-0", sid: "family-0" });
    expect(checks).toHaveBeenCalledTimes(VERIFIED_TOKENS_KEPT + 2);
  });
});
