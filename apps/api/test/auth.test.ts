import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { totp } from "../src/auth/totp.js";
import { codeIn, createAccount, enrolTotp, signIn, type TestAccount } from "./accounts.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const tempDir = useTempDirs();

/** POSTs to a cookie route as the web app in a browser would. */
function cookieRoute(app: RunningApp, route: "refresh" | "logout", cookie: string, origin = new URL(app.url).origin) {
  return fetch(`${app.url}/auth/${route}`, { method: "POST", headers: { cookie, origin } });
}
const cookieFrom = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0]!;

describe("accounts over HTTP", () => {
  let app: RunningApp;
  let admin: TestAccount;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { REFRESH_GRACE_SECONDS: "20" }, workers: true });
    admin = await createAccount(app, { role: "admin", permissions: ["users.manage", "operations.view"] });
  });
  afterAll(() => app.close());

  it("registers with a normalised email, signs in, and refuses the same address in another spelling", async () => {
    const registered = await call(app.url, "auth.register", { email: "  Meera@Example.TEST ", password: "a long enough passphrase", name: "Meera" });
    expect(registered.status).toBe(200);
    expect(registered.data).toMatchObject({ account: { email: "meera@example.test", role: "shopper" }, expiresIn: 900 });
    expect(registered.data).not.toHaveProperty("refreshToken");
    const cookie = registered.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^bbs_refresh=[\w-]{43}; Max-Age=2592000; Path=\/auth; Expires=.*; HttpOnly; SameSite=Strict$/);

    const me = await call(app.url, "auth.me", undefined, { token: (registered.data as { accessToken: string }).accessToken });
    expect(me.data).toMatchObject({ email: "meera@example.test", totpEnabled: false });
    expect(me.data).not.toHaveProperty("passwordHash");

    const again = await call(app.url, "auth.register", { email: "MEERA@example.test", password: "another passphrase!", name: "Impostor" });
    expect(again.status).toBe(409);
    expect(again.error?.data.fieldErrors).toEqual([{ path: "email", message: "An account with this email already exists" }]);
  });

  it("answers a wrong password and an unknown email with the same refusal", async () => {
    const shopper = await createAccount(app);
    const wrong = await call(app.url, "auth.login", { email: shopper.email, password: "not the password" });
    const unknown = await call(app.url, "auth.login", { email: "nobody@example.test", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error?.message).toBe("Email or password is incorrect");
    expect(unknown.error?.message).toBe(wrong.error?.message);
  });

  it("rotates the refresh token on every use; two tabs within the grace window get the same successor", async () => {
    const shopper = await createAccount(app);
    const first = await cookieRoute(app, "refresh", shopper.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const successor = cookieFrom(first);
    expect(successor).not.toBe(shopper.refreshCookie);
    const body = (await first.json()) as { accessToken: string; account: { id: string } };
    expect(body.account.id).toBe(shopper.user.id);
    expect((await call(app.url, "auth.me", undefined, { token: body.accessToken })).status).toBe(200);

    const secondTab = await cookieRoute(app, "refresh", shopper.refreshCookie);
    expect(secondTab.status).toBe(200);
    expect(cookieFrom(secondTab)).toBe(successor);

    const next = await cookieRoute(app, "refresh", successor);
    expect(next.status).toBe(200);
  });

  it("refuses the cookie routes from a foreign origin or with no origin", async () => {
    const shopper = await createAccount(app);
    expect((await cookieRoute(app, "refresh", shopper.refreshCookie, "https://evil.example")).status).toBe(403);
    const noOrigin = await fetch(`${app.url}/auth/refresh`, { method: "POST", headers: { cookie: shopper.refreshCookie } });
    expect(noOrigin.status).toBe(403);
    expect((await cookieRoute(app, "refresh", shopper.refreshCookie)).status).toBe(200);
  });

  it("answers a refresh without any cookie with 204 and no session, so an anonymous visit logs no error", async () => {
    const anonymous = await cookieRoute(app, "refresh", "");
    expect(anonymous.status).toBe(204);
    expect(anonymous.headers.get("set-cookie")).toBeNull();
    expect(await anonymous.text()).toBe("");
    // A cookie that no longer works is still refused, and cleared.
    const stale = await cookieRoute(app, "refresh", "bbs_refresh=not-a-live-token");
    expect(stale.status).toBe(401);
  });

  it("ends the session family at logout", async () => {
    const shopper = await createAccount(app);
    const out = await cookieRoute(app, "logout", shopper.refreshCookie);
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^bbs_refresh=; Path=\/auth; Expires=Thu, 01 Jan 1970/);
    expect((await cookieRoute(app, "refresh", shopper.refreshCookie)).status).toBe(401);
  });

  it("resets a forgotten password by a single-use emailed link, ending every session", async () => {
    const shopper = await createAccount(app);
    const unknown = await call(app.url, "auth.requestPasswordReset", { email: "nobody@example.test" });
    const known = await call(app.url, "auth.requestPasswordReset", { email: shopper.email.toUpperCase() });
    expect(unknown.data).toEqual({ ok: true });
    expect(known.data).toEqual({ ok: true });

    // The worker delivers it from the queue: wait for the file.
    const mailDir = path.join(app.env.DATA_DIR, "mail");
    // Each .eml is a MIME message (text and HTML parts, quoted-printable): read it as a mail client would.
    const readMails = () =>
      Promise.all((fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []).map((file) => simpleParser(fs.readFileSync(path.join(mailDir, file)))));
    const toShopper = (mail: ParsedMail) => mail.to !== undefined && !Array.isArray(mail.to) && mail.to.text === shopper.email;
    await vi.waitFor(async () => expect((await readMails()).some(toShopper)).toBe(true), { timeout: 10_000 });
    const mails = await readMails();
    const mail = mails.find(toShopper)!;
    expect(mail.subject).toBe("Reset your BBSCART password");
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text!)![1]!;
    expect(mails.filter((m) => m.text?.includes(token))).toHaveLength(1);
    expect(mail.html).toContain(`reset-password?token=${token}`);

    const reset = await call(app.url, "auth.resetPassword", { token, newPassword: "my new long passphrase" });
    expect(reset.data).toEqual({ ok: true });
    const replay = await call(app.url, "auth.resetPassword", { token, newPassword: "yet another passphrase" });
    expect(replay.status).toBe(400);
    expect(replay.error?.data.fieldErrors[0]?.path).toBe("token");

    expect((await cookieRoute(app, "refresh", shopper.refreshCookie)).status).toBe(401);
    expect((await call(app.url, "auth.login", { email: shopper.email, password: shopper.password })).status).toBe(401);
    expect((await call(app.url, "auth.login", { email: shopper.email, password: "my new long passphrase" })).status).toBe(200);
  });

  it("changes the password after checking the current one, ending the other sessions", async () => {
    const shopper = await createAccount(app);
    const otherDevice = await signIn(app, shopper.email, shopper.password);
    const wrong = await call(app.url, "auth.changePassword", { currentPassword: "not it at all", newPassword: "fresh passphrase 1" }, { token: shopper.token });
    expect(wrong.error?.data.fieldErrors[0]?.path).toBe("currentPassword");

    const changed = await call(app.url, "auth.changePassword", { currentPassword: shopper.password, newPassword: "fresh passphrase 1" }, { token: shopper.token });
    expect(changed.status).toBe(200);
    expect((await cookieRoute(app, "refresh", otherDevice.refreshCookie)).status).toBe(401);
    expect((await cookieRoute(app, "refresh", cookieFrom(new Response(null, { headers: { "set-cookie": changed.headers.get("set-cookie")! } })))).status).toBe(200);
  });

  it("takes access away at the next request when an admin disables or demotes an account", async () => {
    const shopper = await createAccount(app);
    const colleague = await createAccount(app, { role: "admin", permissions: ["users.manage"] });
    expect((await call(app.url, "auth.me", undefined, { token: shopper.token })).status).toBe(200);

    const disabled = await call(app.url, "admin.users.update", { userId: shopper.user.id, disabled: true }, { token: admin.token });
    expect(disabled.data).toMatchObject({ disabled: true });
    expect((await call(app.url, "auth.me", undefined, { token: shopper.token })).status).toBe(401);
    expect((await cookieRoute(app, "refresh", shopper.refreshCookie)).status).toBe(401);
    expect((await call(app.url, "auth.login", { email: shopper.email, password: shopper.password })).status).toBe(401);

    expect((await call(app.url, "admin.users.list", {}, { token: colleague.token })).status).toBe(200);
    await call(app.url, "admin.users.update", { userId: colleague.user.id, role: "shopper" }, { token: admin.token });
    // Demotion ends the colleague's sign-ins, so the token no longer authenticates at all.
    expect((await call(app.url, "admin.users.list", {}, { token: colleague.token })).status).toBe(401);
  });

  it("asks an enrolled admin for a TOTP code before changing roles, and audits the change with before and after", async () => {
    const enrolled = await createAccount(app, { role: "admin", permissions: ["users.manage", "operations.view"] });
    const target = await createAccount(app);
    const begun = await call(app.url, "auth.beginTotp", undefined, { token: enrolled.token });
    const { secret, uri } = begun.data as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/BBSCART:/);
    expect((await call(app.url, "auth.confirmTotp", { code: "000000" }, { token: enrolled.token })).status).toBe(400);
    const confirmed = await call(app.url, "auth.confirmTotp", { code: await totp.codeAt(secret, new Date()) }, { token: enrolled.token });
    expect(confirmed.data).toMatchObject({ account: { totpEnabled: true, recoveryCodesLeft: 10 } });
    // Enrolling ended the password-only sign-in; this device continues on the one in the answer.
    expect((await call(app.url, "auth.me", undefined, { token: enrolled.token })).status).toBe(401);
    enrolled.token = (confirmed.data as { accessToken: string }).accessToken;

    const promote = { userId: target.user.id, role: "admin", permissions: ["catalog.manage"] };
    const withoutCode = await call(app.url, "admin.users.update", promote, { token: enrolled.token });
    expect(withoutCode.status).toBe(403);
    expect(withoutCode.error?.data.reason).toBe("TOTP_REQUIRED");
    expect((await call(app.url, "admin.users.update", { ...promote, totpCode: "123456" }, { token: enrolled.token })).error?.data.reason).toBe("TOTP_INVALID");

    // The enrolment's code was spent: the same code is refused, the next one works.
    const reused = await call(app.url, "admin.users.update", { ...promote, totpCode: await totp.codeAt(secret, new Date()) }, { token: enrolled.token });
    expect(reused.error?.data.reason).toBe("TOTP_INVALID");
    const promoted = await call(app.url, "admin.users.update", { ...promote, totpCode: await codeIn(secret, 1) }, { token: enrolled.token, headers: { "x-request-id": "promote-1" } });
    expect(promoted.data).toMatchObject({ role: "admin", permissions: ["catalog.manage"] });

    const log = await call(app.url, "admin.audit.list", { targetId: target.user.id }, { token: enrolled.token });
    expect((log.data as { items: unknown[] }).items).toEqual([
      expect.objectContaining({
        actorId: enrolled.user.id,
        action: "user.update_access",
        targetType: "user",
        requestId: "promote-1",
        before: { role: "shopper", permissions: [], disabled: false },
        after: { role: "admin", permissions: ["catalog.manage"], disabled: false },
      }),
    ]);
  });
});

describe("when the store requires a second factor for admins", () => {
  it("refuses admin procedures until the admin has enrolled TOTP", async () => {
    const app = await startApp({ dataDir: tempDir(), variables: { ADMIN_TOTP_REQUIRED: "true" } });
    try {
      const admin = await createAccount(app, { role: "admin", permissions: ["users.manage"] });
      const refused = await call(app.url, "admin.users.list", {}, { token: admin.token });
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toBe("Enrol a second factor under My security before using the admin console");
      expect(refused.error?.data.reason).toBe("TOTP_ENROLMENT_REQUIRED");

      await enrolTotp(app, admin);
      expect((await call(app.url, "admin.users.list", {}, { token: admin.token })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
