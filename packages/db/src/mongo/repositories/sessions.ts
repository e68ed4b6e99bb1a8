import type { RefreshToken, SessionRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { sessionUniqueIndexes, type SessionDoc } from "../models/sessions.js";
import type { RepoContext } from "./context.js";
import { fromDoc, toDoc } from "./mapping.js";

export function sessionRepository({ models: { sessions }, session }: RepoContext): SessionRepository {
  return {
    async create(token) {
      await translateDuplicateKey(sessionUniqueIndexes, () => sessions.insertMany([toDoc(token)], { session }));
    },
    async findByHash(tokenHash) {
      const doc = await sessions.findOne({ tokenHash }, null, { session }).lean<SessionDoc>();
      return doc && fromDoc<RefreshToken>(doc);
    },
    async markRotated(id, at) {
      // The guard is the filter: of two concurrent refreshes with one token, exactly one matches.
      const result = await sessions.updateOne({ _id: id, rotatedAt: null, revokedAt: null }, { $set: { rotatedAt: at } }, { session });
      return result.matchedCount === 1;
    },
    async revokeFamily(familyId, at) {
      const result = await sessions.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
      return result.modifiedCount;
    },
    async revokeAllForUser(userId, at) {
      const result = await sessions.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
      return result.modifiedCount;
    },
  };
}
