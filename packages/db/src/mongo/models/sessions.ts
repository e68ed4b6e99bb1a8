import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

/** A refresh token (hash only), mirroring `RefreshToken`. */
export interface SessionDoc {
  _id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: stringId,
    userId: { type: String, required: true },
    familyId: { type: String, required: true },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    rotatedAt: nullable(Date),
    revokedAt: nullable(Date),
  },
  collectionOptions("sessions"),
);
sessionSchema.index({ tokenHash: 1 }, { unique: true, name: "token_hash_unique" });
sessionSchema.index({ familyId: 1 }, { name: "family" });
sessionSchema.index({ userId: 1 }, { name: "user" });
// Retention: a refresh token past its expiry is refused anyway; the server deletes it (TTL monitor, about once a minute).
sessionSchema.index({ expiresAt: 1 }, { name: "expires_ttl", expireAfterSeconds: 0 });

export const sessionUniqueIndexes: UniqueIndexNames = { token_hash_unique: "sessions.token_hash" };
