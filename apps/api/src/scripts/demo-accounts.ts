import { randomBytes } from "node:crypto";
import { ADMIN_PERMISSIONS, isDuplicateKey, newUser, type DatabaseHandle, type IdGenerator } from "@bbscart/core";
import { hashPassword } from "../auth/passwords.js";

const demoAccounts = [
  { email: "admin@bbscart.local", name: "Demo Admin", role: "admin", permissions: ADMIN_PERMISSIONS },
  { email: "shopper@bbscart.local", name: "Demo Shopper", role: "shopper", permissions: [] },
] as const;

/**
 * Creates the demo admin and shopper with fresh random passwords. Only hashes are stored, so the
 * passwords are returned once for printing; accounts that already exist are left untouched.
 */
export async function createDemoAccounts(db: DatabaseHandle, ids: IdGenerator, now: Date): Promise<{ email: string; password: string }[]> {
  const created: { email: string; password: string }[] = [];
  for (const account of demoAccounts) {
    if (await db.repos.users.findByEmail(account.email)) continue;
    const password = randomBytes(12).toString("base64url");
    const user = newUser({
      id: ids.next(),
      email: account.email,
      name: account.name,
      phone: null,
      passwordHash: await hashPassword(password),
      role: account.role,
      permissions: account.permissions,
      now,
    });
    try {
      await db.uow.run((repos) => repos.users.create(user));
      created.push({ email: account.email, password });
    } catch (error) {
      if (!isDuplicateKey(error, "users.email")) throw error;
    }
  }
  return created;
}
