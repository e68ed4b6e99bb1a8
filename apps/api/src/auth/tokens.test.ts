import { createHash } from "node:crypto";
import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { AccessTokens, InvalidAccessToken, tokenAudience, tokenIssuer } from "./tokens.js";

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
