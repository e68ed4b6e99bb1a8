import { ADMIN_PERMISSIONS, type Address, type AdminPermission, type Role, type User } from "@bbscart/core";
import { hashPassword } from "../src/auth/passwords.js";
import { SecretSealer } from "../src/auth/sealed-secret.js";
import { totp } from "../src/auth/totp.js";
import { testSecrets, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

export interface TestAccount {
  user: User;
  email: string;
  password: string;
  /** A fresh access token from signing in over HTTP. */
  token: string;
  /** The refresh cookie's `name=value`, as a browser would send it back. */
  refreshCookie: string;
}

let hashed: Promise<{ password: string; hash: string }> | undefined;
/** One argon2 hash per test process: accounts are many, hashing is deliberately slow. */
const sharedPassword = () => (hashed ??= hashPassword("correct horse battery staple").then((hash) => ({ password: "correct horse battery staple", hash })));

let counter = 0;

/** Creates an account directly in the database (as the seed would) and signs it in over HTTP. */
export async function createAccount(
  app: RunningApp,
  options: { role?: Role; permissions?: readonly AdminPermission[]; name?: string; phone?: string; addresses?: readonly Address[] } = {},
): Promise<TestAccount> {
  const { password, hash } = await sharedPassword();
  counter += 1;
  const now = new Date();
  const user: User = {
    id: `user-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    email: `${options.role ?? "shopper"}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    name: options.name ?? `Test ${options.role ?? "shopper"} ${counter}`,
    phone: options.phone ?? null,
    passwordHash: hash,
    role: options.role ?? "shopper",
    permissions: options.permissions ?? [],
    disabled: false,
    addresses: options.addresses ?? [],
    totp: null,
    createdAt: now,
    updatedAt: now,
  };
  await app.db.uow.run((repos) => repos.users.create(user));
  return { user, email: user.email, password, ...(await signIn(app, user.email, password)) };
}

export async function signIn(app: RunningApp, email: string, password: string, headers: Record<string, string> = {}) {
  const result = await call(app.url, "auth.login", { email, password }, { headers });
  if (!result.data) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
  const cookie = result.headers.get("set-cookie") ?? "";
  return { token: (result.data as { accessToken: string }).accessToken, refreshCookie: cookie.split(";")[0]! };
}

/** The five kinds of caller every procedure is tried with. */
export async function createCallers(app: RunningApp) {
  return {
    shopper: await createAccount(app),
    otherShopper: await createAccount(app),
    adminWithout: await createAccount(app, { role: "admin", permissions: [] }),
    adminWith: await createAccount(app, { role: "admin", permissions: ADMIN_PERMISSIONS }),
  };
}
export type Callers = Awaited<ReturnType<typeof createCallers>>;

/** The authenticator code `steps` time steps from now (one step either way is accepted). */
export const codeIn = (secret: string, steps: number) => totp.codeAt(secret, new Date(Date.now() + steps * 30_000));

/** The plain TOTP secret stored (sealed) for `userId`, as the test server's key opens it. */
export async function storedTotpSecret(app: RunningApp, userId: string): Promise<string | null> {
  const user = await app.db.repos.users.findById(userId);
  return user?.totp ? new SecretSealer({ current: testSecrets.totpSecret }).open(user.id, user.totp.secret).plain : null;
}

/**
 * Enrols `account` in TOTP over HTTP, as the security page does. Confirming ends the account's other
 * sign-ins, so the account's token and cookie are replaced by the new sign-in's.
 */
export async function enrolTotp(app: RunningApp, account: TestAccount): Promise<{ secret: string; recoveryCodes: string[] }> {
  const begun = await call(app.url, "auth.beginTotp", undefined, { token: account.token });
  const { secret } = begun.data as { secret: string };
  const confirmed = await call(app.url, "auth.confirmTotp", { code: await totp.codeAt(secret, new Date()) }, { token: account.token });
  if (!confirmed.data) throw new Error(`enrolment failed: ${JSON.stringify(confirmed.error)}`);
  const { accessToken, recoveryCodes } = confirmed.data as { accessToken: string; recoveryCodes: string[] };
  account.token = accessToken;
  account.refreshCookie = (confirmed.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { secret, recoveryCodes };
}
