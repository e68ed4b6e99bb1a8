import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

/** A password reset token (hash only), mirroring `PasswordResetToken`. */
export interface PasswordResetDoc {
  _id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const passwordResetSchema = new Schema<PasswordResetDoc>(
  {
    _id: stringId,
    userId: { type: String, required: true },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: nullable(Date),
  },
  collectionOptions("password_resets"),
);
passwordResetSchema.index({ tokenHash: 1 }, { unique: true, name: "token_hash_unique" });
// Retention: a reset token past its expiry can never be used; the server deletes it.
passwordResetSchema.index({ expiresAt: 1 }, { name: "expires_ttl", expireAfterSeconds: 0 });

export const passwordResetUniqueIndexes: UniqueIndexNames = { token_hash_unique: "password_resets.token_hash" };
