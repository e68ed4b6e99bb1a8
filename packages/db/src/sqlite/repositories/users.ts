import { losesUserManagement, type Address, type AdminPermission, type Role, type SecondFactor, type User, type UserPatch, type UserRepository } from "@bbscart/core";
import { userSearchKeys, userSearchTerms } from "../../user-search.js";
import { decodeJson, encodeJson, fromFlag, fromMs, globPrefix, toFlag, toMs } from "../codec.js";
import type { Connection } from "../connection.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";
import { updateReturning, type PatchEncoders } from "./patch.js";

interface UserRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  password_hash: string;
  role: Role;
  permissions: string;
  disabled: number;
  addresses: string;
  totp: string | null;
  created_at: number;
  updated_at: number;
}

/** Enrolments stored before replay and recovery codes existed have neither: none used, none issued. */
const toSecondFactor = (stored: Partial<SecondFactor>): SecondFactor => ({
  secret: stored.secret ?? "",
  confirmedAt: stored.confirmedAt ?? null,
  lastStep: stored.lastStep ?? null,
  recoveryCodes: stored.recoveryCodes ?? [],
});

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  phone: row.phone,
  passwordHash: row.password_hash,
  role: row.role,
  permissions: decodeJson<AdminPermission[]>(row.permissions),
  disabled: fromFlag(row.disabled),
  addresses: decodeJson<Address[]>(row.addresses),
  totp: row.totp === null ? null : toSecondFactor(decodeJson<Partial<SecondFactor>>(row.totp)),
  createdAt: fromMs(row.created_at),
  updatedAt: fromMs(row.updated_at),
});

const encoders: PatchEncoders<UserPatch> = {
  name: (name) => ({ name }),
  phone: (phone) => ({ phone }),
  passwordHash: (hash) => ({ password_hash: hash }),
  role: (role) => ({ role }),
  disabled: (disabled) => ({ disabled: toFlag(disabled) }),
  permissions: (permissions) => ({ permissions: encodeJson(permissions) }),
  addresses: (addresses) => ({ addresses: encodeJson(addresses) }),
  totp: (totp) => ({ totp: totp === null ? null : encodeJson(totp) }),
  updatedAt: (at) => ({ updated_at: toMs(at) }),
};

/** Replaces the search keys of a user with those of its stored email, name and phone (ADR 083). */
function writeSearchKeys(c: Connection, user: { id: string; email: string; name: string; phone: string | null }): void {
  c.prepare("DELETE FROM user_search_keys WHERE user_id = ?").run(user.id);
  const insert = c.prepare("INSERT INTO user_search_keys (key, user_id) VALUES (?, ?)");
  for (const key of userSearchKeys(user)) insert.run(key, user.id);
}

/** One term: the users with a key that begins with it, a range scan of the keys' primary key. */
const termCondition = (term: string) => ["id IN (SELECT user_id FROM user_search_keys WHERE key GLOB ?)", globPrefix(term)] as const;

export function sqliteUsers(ex: Executor): UserRepository {
  return {
    create: (user) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO users (id, email, name, phone, password_hash, role, permissions, disabled, addresses, totp, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          user.id,
          user.email,
          user.name,
          user.phone,
          user.passwordHash,
          user.role,
          encodeJson(user.permissions),
          toFlag(user.disabled),
          encodeJson(user.addresses),
          user.totp === null ? null : encodeJson(user.totp),
          toMs(user.createdAt),
          toMs(user.updatedAt),
        );
        writeSearchKeys(c, user);
      }),
    findById: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    findSignedIn: (id, sessionFamilyId) =>
      ex.read((c) => {
        const row = c
          .prepare(
            `SELECT * FROM users WHERE id = ?
               AND EXISTS (SELECT 1 FROM sessions WHERE family_id = ? AND user_id = users.id AND revoked_at IS NULL)`,
          )
          .get(id, sessionFamilyId) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    findByEmail: (email) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM users WHERE email = ?").get(email) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    update: (id, patch) =>
      ex.write((c) => {
        const row = updateReturning(c, "users", ["id", id], patch, encoders) as UserRow | undefined;
        if (row && (patch.name !== undefined || patch.phone !== undefined)) writeSearchKeys(c, row);
        return row ? toUser(row) : null;
      }),
    // One synchronous callback under the write lock and inside BEGIN IMMEDIATE: nothing else writes
    // between the count and the update, in this process or another.
    updateAccess: (id, patch) =>
      ex.write((c) => {
        const before = c.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
        if (!before) return null;
        if (losesUserManagement(toUser(before), patch)) {
          const { others } = c
            .prepare(
              `SELECT COUNT(*) AS others FROM users WHERE id != ? AND role = 'admin' AND disabled = 0
                 AND EXISTS (SELECT 1 FROM json_each(users.permissions) WHERE value = 'users.manage')`,
            )
            .get(id) as { others: number };
          if (others === 0) return "LAST_MANAGER" as const;
        }
        const row = updateReturning(c, "users", ["id", id], patch, encoders) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    // Each a single UPDATE whose WHERE is the guard: SQLite runs one writer at a time, so of two
    // concurrent uses exactly one changes the row.
    acceptTotpStep: (id, step) =>
      ex.write(
        (c) =>
          c
            .prepare(
              `UPDATE users SET totp = json_set(totp, '$.lastStep', ?)
                WHERE id = ? AND json_extract(totp, '$.confirmedAt') IS NOT NULL
                  AND coalesce(json_extract(totp, '$.lastStep'), -1) < ?`,
            )
            .run(step, id, step).changes === 1,
      ),
    consumeRecoveryCode: (id, codeHash) =>
      ex.write(
        (c) =>
          c
            .prepare(
              `UPDATE users SET totp = json_set(totp, '$.recoveryCodes',
                  (SELECT json_group_array(value) FROM json_each(users.totp, '$.recoveryCodes') WHERE value != ?))
                WHERE id = ? AND EXISTS (SELECT 1 FROM json_each(users.totp, '$.recoveryCodes') WHERE value = ?)`,
            )
            .run(codeHash, id, codeHash).changes === 1,
      ),
    replaceTotpSecret: (id, from, to) =>
      ex.write(
        (c) =>
          c.prepare(`UPDATE users SET totp = json_set(totp, '$.secret', ?) WHERE id = ? AND json_extract(totp, '$.secret') = ?`).run(to, id, from)
            .changes === 1,
      ),
    list: (query) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "users",
          where: [
            ...(query.role ? [["role = ?", query.role] as const] : []),
            ...userSearchTerms(query.search).map(termCondition),
          ],
          keys: ["created_at", "id"],
          direction: "DESC",
          sort: "users",
          page: query,
          map: toUser,
        }),
      ),
  };
}
