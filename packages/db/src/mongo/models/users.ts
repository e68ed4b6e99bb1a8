import { Schema } from "mongoose";
import { ROLES, type Address, type AdminPermission, type Role } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

export interface UserDoc {
  _id: string;
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  role: Role;
  permissions: AdminPermission[];
  disabled: boolean;
  /** `lastStep` and `recoveryCodes` are absent on enrolments stored before they existed. */
  totp: { secret: string; confirmedAt: Date | null; lastStep?: number | null; recoveryCodes?: string[] } | null;
  addresses: Address[];
  createdAt: Date;
  updatedAt: Date;
  /** The admin search's keys: the email, the phone's digits, the name's words (`userSearchKeys`, ADR 083). */
  searchKeys: string[];
}

const addressSchema = new Schema<Address>(
  {
    id: { type: String, required: true },
    label: nullable(String),
    name: { type: String, required: true },
    phone: { type: String, required: true },
    line1: { type: String, required: true },
    line2: nullable(String),
    city: { type: String, required: true },
    state: { type: String, required: true },
    postalCode: { type: String, required: true },
    country: { type: String, required: true },
  },
  { _id: false, strict: "throw" },
);

export const userSchema = new Schema<UserDoc>(
  {
    _id: stringId,
    email: { type: String, required: true },
    name: { type: String, required: true },
    phone: nullable(String),
    passwordHash: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    permissions: { type: [String], default: [] },
    disabled: { type: Boolean, required: true },
    totp: nullable(
      new Schema(
        { secret: { type: String, required: true }, confirmedAt: nullable(Date), lastStep: nullable(Number), recoveryCodes: { type: [String], default: [] } },
        { _id: false, strict: "throw" },
      ),
    ),
    addresses: { type: [addressSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    searchKeys: { type: [String], default: [] },
  },
  collectionOptions("users"),
);
userSchema.index({ email: 1 }, { unique: true, name: "email_unique" });
// Admin user list: newest first, optionally by role.
userSchema.index({ createdAt: -1, _id: -1 }, { name: "created_desc" });
userSchema.index({ role: 1, createdAt: -1, _id: -1 }, { name: "role_created_desc" });
// Admin user search: each term an anchored prefix pattern over the keys, an index range scan (ADR 083).
userSchema.index({ searchKeys: 1 }, { name: "search_keys" });

export const userUniqueIndexes: UniqueIndexNames = { email_unique: "users.email" };
