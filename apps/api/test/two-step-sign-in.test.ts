import type { Clock } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totp } from "../src/auth/totp.js";
import { refreshCookieName } from "../src/http/refresh-cookie.js";
import { appRouter } from "../src/trpc/root.js";
import type { Access } from "../src/trpc/init.js";
import { createAccount, enrolTotp, storedTotpSecret, type TestAccount } from "./accounts.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call, type CallResult } from "./trpc-http.js";

/*
 * Two-step sign-in, attacked over real HTTP: an attacker who has an enrolled account's password
 * (and, in some cases, a code seen over a shoulder) tries to get a session without the second factor.
 */

const tempDir = useTempDirs();
/** The app's clock, movable so a challenge can expire without waiting (codes follow the same clock). */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const codeAt = (secret: string, steps = 0) => totp.codeAt(secret, new Date(clock.now().getTime() + steps * 30_000));

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ dataDir: tempDir(), clock, variables: { LOGIN_FAILS_PER_ACCOUNT_IP: "1000", SIGN_IN_CODE_ATTEMPTS: "5" } });
});
afterAll(() => app.close());

async function enrolledAdmin(): Promise<TestAccount & { secret: string; recoveryCodes: string[] }> {
  const admin = await createAccount(app, { role: "admin", permissions: ["users.manage", "operations.view"] });
  return Object.assign(admin, await enrolTotp(app, admin));
}

const login = (account: TestAccount) => call(app.url, "auth.login", { email: account.email, password: account.password });
const challengeOf = (result: CallResult) => (result.data as { challenge: { token: string } }).challenge.token;
const complete = (challenge: string, second: { code: string } | { recoveryCode: string }) => call(app.url, "auth.completeSignIn", { challenge, ...second });
const accessTokenOf = (result: CallResult) => (result.data as { accessToken: string }).accessToken;

describe("two-step sign-in for an account with a second factor", () => {
  it("gives no session for the password alone: only a challenge, no access token, no refresh cookie", async () => {
    const admin = await enrolledAdmin();
    const first = await login(admin);
    expect(first.status).toBe(200);
    expect(Object.keys(first.data as object)).toEqual(["challenge"]);
    expect(first.headers.get("set-cookie")).toBeNull();

    const done = await complete(challengeOf(first), { code: await codeAt(admin.secret, 1) });
    expect(done.status).toBe(200);
    expect(done.headers.get("set-cookie")).toMatch(new RegExp(`^${refreshCookieName}=`));
    const me = await call(app.url, "auth.me", undefined, { token: accessTokenOf(done) });
    expect(me.data).toMatchObject({ email: admin.email, totpEnabled: true, recoveryCodesLeft: 10 });
    expect((await call(app.url, "admin.users.list", {}, { token: accessTokenOf(done) })).status).toBe(200);
  });

  it("refuses the challenge as an access token on every procedure that needs a caller, and as a refresh token", async () => {
    const admin = await enrolledAdmin();
    const challenge = challengeOf(await login(admin));
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>;
    const guarded = Object.entries(procedures).filter(([, procedure]) => procedure._def.meta?.access !== "public");
    expect(guarded.length).toBeGreaterThan(40);
    for (const [path] of guarded) {
      const result = await call(app.url, path, undefined, { token: challenge });
      expect({ path, status: result.status }).toEqual({ path, status: 401 });
    }
    // Longer than any refresh token, so the REST-style body is refused at the door (400), never traded.
    const asRefresh = await call(app.url, "auth.refresh", { refreshToken: challenge });
    expect(asRefresh.data).toBeUndefined();
    expect(asRefresh.status).toBe(400);
    const refreshCookie = await fetch(`${app.url}/auth/refresh`, { method: "POST", headers: { cookie: `${refreshCookieName}=${challenge}`, origin: app.url } });
    // Not shaped like a refresh token at all: answered as "no session", with nothing issued.
    expect(refreshCookie.status).toBe(204);
    expect(refreshCookie.headers.get("set-cookie")).toBeNull();
    expect((await rest(app.url, "GET", "/auth/me", { token: challenge })).status).toBe(401);
    expect((await rest(app.url, "GET", "/admin/orders", { token: challenge })).status).toBe(401);
    // An access token is no challenge either.
    expect((await complete(admin.token, { code: await codeAt(admin.secret, 1) })).error?.data.reason).toBe("CHALLENGE_INVALID");
  });

  it("refuses an expired challenge", async () => {
    const admin = await enrolledAdmin();
    const challenge = challengeOf(await login(admin));
    offsetMs += (app.env.SIGN_IN_CHALLENGE_TTL_SECONDS + 1) * 1000;
    try {
      const late = await complete(challenge, { code: await codeAt(admin.secret) });
      expect(late.status).toBe(401);
      expect(late.error?.data.reason).toBe("CHALLENGE_INVALID");
      expect(late.error?.message).toBe("This sign-in has expired; sign in with your password again");
    } finally {
      offsetMs = 0;
    }
  });

  it("refuses a used code, and any code of an earlier step, on a new challenge", async () => {
    const admin = await enrolledAdmin();
    const next = await codeAt(admin.secret, 1);
    expect((await complete(challengeOf(await login(admin)), { code: next })).status).toBe(200);
    const replayed = await complete(challengeOf(await login(admin)), { code: next });
    expect(replayed.status).toBe(401);
    expect(replayed.error?.data.reason).toBe("CODE_INVALID");
    expect(replayed.error?.data.fieldErrors).toEqual([{ path: "code", message: "That code is not valid or was used already; wait for the next code and try again" }]);
    // The enrolment spent the current step and the sign-in the next: the current code is older still.
    expect((await complete(challengeOf(await login(admin)), { code: await codeAt(admin.secret) })).error?.data.reason).toBe("CODE_INVALID");
  });

  it("lets two concurrent uses of one code open one session", async () => {
    const admin = await enrolledAdmin();
    const code = await codeAt(admin.secret, 1);
    const challenges = [challengeOf(await login(admin)), challengeOf(await login(admin))];
    const results = await Promise.all(challenges.map((challenge) => complete(challenge, { code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("kills a challenge after the allowed wrong codes, even when they arrive at once, and then refuses the right code", async () => {
    const admin = await enrolledAdmin();
    const challenge = challengeOf(await login(admin));
    const right = await codeAt(admin.secret, 1);
    const wrong = right === "000000" ? "111111" : "000000";
    const guesses = await Promise.all(Array.from({ length: 20 }, () => complete(challenge, { code: wrong })));
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(5);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(15);
    const late = await complete(challenge, { code: right });
    expect(late.status).toBe(429);
    expect(late.error?.data.reason).toBe("CHALLENGE_EXHAUSTED");
    // A fresh password step gives a fresh challenge, and the code (unspent) works there.
    expect((await complete(challengeOf(await login(admin)), { code: right })).status).toBe(200);
  });

  it("completes a challenge once: it opens no second session with a later code", async () => {
    const admin = await enrolledAdmin();
    const challenge = challengeOf(await login(admin));
    expect((await complete(challenge, { code: await codeAt(admin.secret, 1) })).status).toBe(200);
    const again = await complete(challenge, { recoveryCode: admin.recoveryCodes[0]! });
    expect(again.status).toBe(401);
    expect(again.error?.data.reason).toBe("CHALLENGE_INVALID");
  });

  it("dies when the password changes after it was issued", async () => {
    const admin = await enrolledAdmin();
    const challenge = challengeOf(await login(admin));
    await app.db.uow.run((repos) => repos.users.update(admin.user.id, { passwordHash: "$argon2id$changed", updatedAt: new Date() }));
    expect((await complete(challenge, { code: await codeAt(admin.secret, 1) })).error?.data.reason).toBe("CHALLENGE_INVALID");
  });
});

describe("recovery codes", () => {
  it("replace a code once each; a concurrent double use opens one session; the count goes down", async () => {
    const admin = await enrolledAdmin();
    expect(admin.recoveryCodes).toHaveLength(10);
    expect(new Set(admin.recoveryCodes).size).toBe(10);
    const [first, second] = admin.recoveryCodes as [string, string];

    const signedIn = await complete(challengeOf(await login(admin)), { recoveryCode: first.toUpperCase().replace("-", " ") });
    expect(signedIn.status).toBe(200);
    expect((await complete(challengeOf(await login(admin)), { recoveryCode: first })).error?.data.reason).toBe("CODE_INVALID");

    const challenges = [challengeOf(await login(admin)), challengeOf(await login(admin))];
    const both = await Promise.all(challenges.map((challenge) => complete(challenge, { recoveryCode: second })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);

    const me = await call(app.url, "auth.me", undefined, { token: accessTokenOf(signedIn) });
    expect(me.data).toMatchObject({ recoveryCodesLeft: 8 });
    const stored = await app.db.repos.users.findById(admin.user.id);
    expect(stored?.totp?.recoveryCodes.some((hash) => admin.recoveryCodes.includes(hash))).toBe(false);
  });

  it("are regenerated only with a current code, and the old ones stop working", async () => {
    const admin = await enrolledAdmin();
    const refused = await call(app.url, "auth.regenerateRecoveryCodes", { code: await codeAt(admin.secret) }, { token: admin.token });
    expect(refused.status).toBe(400);
    const fresh = await call(app.url, "auth.regenerateRecoveryCodes", { code: await codeAt(admin.secret, 1) }, { token: admin.token });
    const { recoveryCodes } = fresh.data as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect((await complete(challengeOf(await login(admin)), { recoveryCode: admin.recoveryCodes[0]! })).error?.data.reason).toBe("CODE_INVALID");
    expect((await complete(challengeOf(await login(admin)), { recoveryCode: recoveryCodes[0]! })).status).toBe(200);
  });
});

describe("the TOTP secret at rest", () => {
  it("is stored sealed, never as the secret the app was shown; a plain secret from before is sealed when next used", async () => {
    const admin = await enrolledAdmin();
    const stored = (await app.db.repos.users.findById(admin.user.id))?.totp?.secret;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(admin.secret);
    expect(await storedTotpSecret(app, admin.user.id)).toBe(admin.secret);

    // An enrolment stored in the clear by an earlier release still signs in, and is sealed by it.
    await app.db.uow.run(async (repos) => {
      const user = await repos.users.findById(admin.user.id);
      await repos.users.update(admin.user.id, { totp: { ...user!.totp!, secret: admin.secret }, updatedAt: new Date() });
    });
    expect((await complete(challengeOf(await login(admin)), { code: await codeAt(admin.secret, 1) })).status).toBe(200);
    expect((await app.db.repos.users.findById(admin.user.id))?.totp?.secret).toMatch(/^v1\./);
    expect(await storedTotpSecret(app, admin.user.id)).toBe(admin.secret);
  });
});

describe("two-step sign-in over REST (/api/v1)", () => {
  it("answers the password with a challenge and completes it with a code, into a bearer session", async () => {
    const admin = await enrolledAdmin();
    const first = await rest(app.url, "POST", "/auth/login", { body: { email: admin.email, password: admin.password } });
    expect(first.status).toBe(200);
    const { challenge } = first.body as { challenge: { token: string; expiresIn: number } };
    expect(challenge.expiresIn).toBe(app.env.SIGN_IN_CHALLENGE_TTL_SECONDS);
    expect((await rest(app.url, "GET", "/auth/me", { token: challenge.token })).status).toBe(401);

    const wrong = await rest(app.url, "POST", "/auth/login/complete", { body: { challenge: challenge.token, code: "12345" } });
    expect(wrong.status).toBe(422);
    const done = await rest(app.url, "POST", "/auth/login/complete", { body: { challenge: challenge.token, code: await codeAt(admin.secret, 1) } });
    expect(done.status).toBe(200);
    const session = done.body as { accessToken: string; refreshToken: string };
    expect(session.refreshToken).toEqual(expect.any(String));
    expect((await rest(app.url, "GET", "/auth/me", { token: session.accessToken })).body).toMatchObject({ email: admin.email });
  });
});

describe("when the store requires a second factor for admins", () => {
  it("gives an unenrolled admin a session that can only enrol, and an enrolled one no session without a code", async () => {
    const strict = await startApp({ dataDir: tempDir(), variables: { ADMIN_TOTP_REQUIRED: "true" } });
    try {
      const admin = await createAccount(strict, { role: "admin", permissions: ["users.manage"] });
      const limited = await call(strict.url, "admin.users.list", {}, { token: admin.token });
      expect(limited.error?.data.reason).toBe("TOTP_ENROLMENT_REQUIRED");
      const stale = admin.token;
      const { secret } = await enrolTotp(strict, admin);
      // The password-only sign-in ended with the enrolment; the enrolling device's new one is the admin's.
      expect((await call(strict.url, "admin.users.list", {}, { token: stale })).status).toBe(401);
      expect((await call(strict.url, "admin.users.list", {}, { token: admin.token })).status).toBe(200);
      const password = await call(strict.url, "auth.login", { email: admin.email, password: admin.password });
      expect(Object.keys(password.data as object)).toEqual(["challenge"]);
      const done = await call(strict.url, "auth.completeSignIn", { challenge: challengeOf(password), code: await totp.codeAt(secret, new Date(Date.now() + 30_000)) });
      expect((await call(strict.url, "admin.users.list", {}, { token: accessTokenOf(done) })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
