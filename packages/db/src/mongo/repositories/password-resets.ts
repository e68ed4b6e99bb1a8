import type { PasswordResetRepository, PasswordResetToken } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { passwordResetUniqueIndexes, type PasswordResetDoc } from "../models/password-resets.js";
import type { RepoContext } from "./context.js";
import { fromDoc, toDoc } from "./mapping.js";

export function passwordResetRepository({ models: { passwordResets }, session }: RepoContext): PasswordResetRepository {
  return {
    async create(token) {
      await translateDuplicateKey(passwordResetUniqueIndexes, () => passwordResets.insertMany([toDoc(token)], { session }));
    },
    async findByHash(tokenHash) {
      const doc = await passwordResets.findOne({ tokenHash }, null, { session }).lean<PasswordResetDoc>();
      return doc && fromDoc<PasswordResetToken>(doc);
    },
    async consume(id, at) {
      const result = await passwordResets.updateOne({ _id: id, usedAt: null }, { $set: { usedAt: at } }, { session });
      return result.matchedCount === 1;
    },
  };
}
