import { losesUserManagement, STATE_CODES, type Role, type User, type UserRepository } from "@bbscart/core";
import { addressesWithStateCodes } from "../../address-states.js";
import { userSearchKeys, userSearchTerms } from "../../user-search.js";
import type { Models } from "../models/index.js";
import { translateDuplicateKey } from "../errors.js";
import { userUniqueIndexes, type UserDoc } from "../models/users.js";
import type { RepoContext } from "./context.js";
import { definedFields, escapeRegex, findPage, fromDoc, toDoc } from "./mapping.js";

const toUser = ({ searchKeys: _keys, ...doc }: UserDoc): User => {
  // Enrolments stored before replay and recovery codes existed have neither: none used, none issued.
  const totp = doc.totp && { ...doc.totp, lastStep: doc.totp.lastStep ?? null, recoveryCodes: doc.totp.recoveryCodes ?? [] };
  return fromDoc<User>({ ...doc, totp });
};

/** The list filter of the admin's search: every term begins one of the user's keys (ADR 083). */
export function userListFilter(search: string | null, role: Role | null): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (role) filter.role = role;
  const terms = userSearchTerms(search);
  if (terms.length > 0) filter.searchKeys = { $all: terms.map((term) => new RegExp(`^${escapeRegex(term)}`)) };
  return filter;
}

/** Gives users stored before search keys existed their keys; open calls it, a fresh database has none to fill. */
export async function fillUserSearchKeys({ users }: Pick<Models, "users">): Promise<void> {
  const missing = await users.find({ searchKeys: { $exists: false } }, { email: 1, name: 1, phone: 1 }).lean<Pick<UserDoc, "_id" | "email" | "name" | "phone">[]>();
  if (missing.length === 0) return;
  await users.bulkWrite(missing.map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $set: { searchKeys: userSearchKeys(doc) } } } })));
}

/**
 * State becomes a code (ADR 140; SQLite's migration 014): addresses saved with a free-text state
 * that names one on the list get its code. Runs at open; an unmatched state is read each time and
 * left as typed, and each write matches the addresses it read, so a concurrent edit is not undone.
 */
export async function fillAddressStateCodes({ users }: Pick<Models, "users">): Promise<number> {
  const found = await users.find({ addresses: { $elemMatch: { state: { $nin: STATE_CODES } } } }, { addresses: 1 }).lean<Pick<UserDoc, "_id" | "addresses">[]>();
  const writes = found.flatMap((doc) => {
    const addresses = addressesWithStateCodes(doc.addresses);
    return addresses ? [{ updateOne: { filter: { _id: doc._id, addresses: doc.addresses }, update: { $set: { addresses } } } }] : [];
  });
  if (writes.length > 0) await users.bulkWrite(writes);
  return writes.length;
}

export function userRepository({ models: { users, sessions }, session, atomically }: RepoContext): UserRepository {
  return {
    async create(user) {
      await translateDuplicateKey(userUniqueIndexes, () => users.insertMany([{ ...toDoc(user), searchKeys: userSearchKeys(user) }], { session }));
    },
    async findById(id) {
      const doc = await users.findById(id, null, { session }).lean<UserDoc>();
      return doc && toUser(doc);
    },
    async findSignedIn(id, sessionFamilyId) {
      // Two reads sent together: one round trip's wait, without a $lookup on every request.
      const [doc, live] = await Promise.all([
        users.findById(id, null, { session }).lean<UserDoc>(),
        sessions.exists({ familyId: sessionFamilyId, userId: id, revokedAt: null }).session(session ?? null),
      ]);
      return doc && live ? toUser(doc) : null;
    },
    async findByEmail(email) {
      const doc = await users.findOne({ email }, null, { session }).lean<UserDoc>();
      return doc && toUser(doc);
    },
    async update(id, patch) {
      if (patch.name === undefined && patch.phone === undefined) {
        const doc = await users.findOneAndUpdate({ _id: id }, { $set: definedFields(patch) }, { returnDocument: "after", session }).lean<UserDoc>();
        return doc && toUser(doc);
      }
      // The keys derive from the name and phone: read and rewrite them in one transaction, so a
      // concurrent change of the other field conflicts and re-runs instead of leaving stale keys.
      return atomically(async (session) => {
        const before = await users.findById(id, { email: 1, name: 1, phone: 1 }, { session }).lean<Pick<UserDoc, "email" | "name" | "phone">>();
        if (!before) return null;
        const searchKeys = userSearchKeys({ email: before.email, name: patch.name ?? before.name, phone: patch.phone === undefined ? before.phone : patch.phone });
        const doc = await users.findOneAndUpdate({ _id: id }, { $set: { ...definedFields(patch), searchKeys } }, { returnDocument: "after", session }).lean<UserDoc>();
        return doc && toUser(doc);
      });
    },
    updateAccess(id, patch) {
      return atomically(async (session) => {
        const doc = await users.findById(id, null, { session }).lean<UserDoc>();
        if (!doc) return null;
        if (losesUserManagement(toUser(doc), patch)) {
          const others = await users
            .find({ _id: { $ne: id }, role: "admin", disabled: false, permissions: "users.manage" }, { _id: 1 }, { session })
            .lean<{ _id: string }[]>();
          if (others.length === 0) return "LAST_MANAGER" as const;
          // Snapshot isolation alone would let two admins disable each other (each counts the other
          // as remaining). Writing the managers counted on makes such transactions write the same
          // documents, so one conflicts and re-runs, then counts again.
          await users.updateMany({ _id: { $in: others.map((other) => other._id) } }, { $set: { updatedAt: patch.updatedAt } }, { session });
        }
        const updated = await users.findOneAndUpdate({ _id: id }, { $set: definedFields(patch) }, { returnDocument: "after", session }).lean<UserDoc>();
        return updated && toUser(updated);
      });
    },
    // Each one guarded single-document update: the filter is the guard, so of two concurrent uses
    // exactly one matches.
    async acceptTotpStep(id, step) {
      const result = await users.updateOne(
        { _id: id, "totp.confirmedAt": { $ne: null }, $or: [{ "totp.lastStep": { $lt: step } }, { "totp.lastStep": null }] },
        { $set: { "totp.lastStep": step } },
        { session },
      );
      return result.modifiedCount === 1;
    },
    async consumeRecoveryCode(id, codeHash) {
      const result = await users.updateOne({ _id: id, "totp.recoveryCodes": codeHash }, { $pull: { "totp.recoveryCodes": codeHash } }, { session });
      return result.modifiedCount === 1;
    },
    async replaceTotpSecret(id, from, to) {
      const result = await users.updateOne({ _id: id, "totp.secret": from }, { $set: { "totp.secret": to } }, { session });
      return result.modifiedCount === 1;
    },
    list({ search, role, ...page }) {
      return findPage(users, session, { filter: userListFilter(search, role), sort: { field: "createdAt", direction: -1 }, page }, toUser);
    },
  };
}
