import { z } from "zod";
import { STAFF_ROLES } from "../account/staff-roles.js";
import { ADMIN_PERMISSIONS, ROLES } from "../account/user.js";
import { dateTime, email, id, lengthIn, mobile, oneOf, optionalText, pageInput, password, phone, pinCode, stateCode, text } from "./fields.js";

/** The 6-digit code of an authenticator app (sign-in, step-up for sensitive admin actions). */
export const totpCode = z.string({ error: "code must be text" }).trim().regex(/^\d{6}$/, { error: "code must be the 6 digits your authenticator app shows" });

export const registerInput = z.object({
  email,
  password: password(),
  name: text("name", 100),
  phone: phone.nullable().default(null),
});

export const loginInput = z.object({
  email,
  password: lengthIn(z.string({ error: "password must be text" }), { min: 1, max: 128, tooShort: "password is required", tooLong: "password must be at most 128 characters" }),
});

export const updateProfileInput = z.object({
  name: text("name", 100),
  phone: phone.nullable().default(null),
});

export const addressInput = z.object({
  label: optionalText("label", 40),
  name: text("name", 100),
  phone: mobile,
  line1: text("line1", 200),
  line2: optionalText("line2", 200),
  city: text("city", 100),
  state: stateCode,
  postalCode: pinCode,
  country: z
    .string({ error: "country must be text" })
    .trim()
    .regex(/^[A-Z]{2}$/, { error: "country must be a two-letter country code" })
    .default("IN"),
});

export const updateAddressInput = addressInput.extend({ addressId: id("addressId") });
export const addressIdInput = z.object({ addressId: id("addressId") });

export const changePasswordInput = z
  .object({ currentPassword: text("currentPassword", 128), newPassword: password("newPassword") })
  .refine((v) => v.currentPassword !== v.newPassword, { error: "newPassword must differ from currentPassword", path: ["newPassword"] });

/** A mobile or partner client's refresh token, sent in the body because it keeps no cookies. */
export const refreshTokenInput = z.object({ refreshToken: text("refreshToken", 200, 20) });

export const requestPasswordResetInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: text("token", 200, 20),
  newPassword: password("newPassword"),
});

export const adminUserListInput = z.object({
  search: optionalText("search", 100),
  role: oneOf("role", ROLES).nullable().default(null),
  ...pageInput,
});

export const adminUserUpdateInput = z.object({
  userId: id("userId"),
  role: oneOf("role", ROLES).optional(),
  permissions: z.array(z.enum(ADMIN_PERMISSIONS, { error: "permissions must be known admin permissions" })).optional(),
  disabled: z.boolean({ error: "disabled must be true or false" }).optional(),
  /** The acting admin's current code, required for role changes once they have enrolled TOTP. */
  totpCode: totpCode.optional(),
});

export const adminUserIdInput = z.object({ userId: id("userId") });

/** Gives an account a staff role: it becomes an admin holding exactly the role's permissions. */
export const adminAssignRoleInput = z.object({
  userId: id("userId"),
  staffRole: oneOf("staffRole", STAFF_ROLES),
  /** The acting admin's current code, as for any access change once they have enrolled TOTP. */
  totpCode: totpCode.optional(),
});

export const totpConfirmInput = z.object({ code: totpCode });

/**
 * A recovery code as issued (`xxxxx-xxxxx`, lower-case letters and digits); spaces, a missing dash
 * and case are forgiven. The pattern sits on the input so the REST document shows it.
 */
export const recoveryCode = z
  .string({ error: "recoveryCode must be text" })
  .regex(/^\s*[A-Za-z0-9]{5}\s*-?\s*[A-Za-z0-9]{5}\s*$/, { error: "recoveryCode must be a recovery code like abcde-12345" })
  .transform((value) => value.replace(/\s+/g, "").toLowerCase());

/**
 * The second step of a sign-in: the challenge the password step answered with, and either the
 * authenticator's current code or one unused recovery code.
 */
export const completeSignInInput = z
  .object({
    challenge: text("challenge", 1000, 20),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    error: "send either code or recoveryCode",
    path: ["code"],
  })
  // The same rule for JSON Schema (the REST document), which cannot read the refinement above.
  .meta({ oneOf: [{ required: ["code"] }, { required: ["recoveryCode"] }] });

/** Issuing a new set of recovery codes needs a current code, so a stolen session alone cannot. */
export const regenerateRecoveryCodesInput = z.object({ code: totpCode });

export const auditListInput = z.object({
  actorId: optionalText("actorId", 100),
  action: optionalText("action", 100),
  targetType: optionalText("targetType", 100),
  targetId: optionalText("targetId", 100),
  from: dateTime("from").nullable().default(null),
  to: dateTime("to").nullable().default(null),
  ...pageInput,
});
