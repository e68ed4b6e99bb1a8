import { z } from "zod";
import { STAFF_ROLES } from "../account/staff-roles.js";
import { ADMIN_PERMISSIONS, ROLES } from "../account/user.js";
import { dateTime, email, id, labelled, lengthIn, mobile, oneOf, optionalText, pageInput, password, pinCode, stateCode, text, yesNo } from "./fields.js";

/** The 6-digit code of an authenticator app (sign-in, step-up for sensitive admin actions). */
export const totpCode = labelled(
  z.string({ error: "Code must be text" }).trim().regex(/^\d{6}$/, { error: "Code must be the 6 digits your authenticator app shows" }),
  "Code",
);

export const registerInput = z.object({
  email,
  password: password(),
  name: text("Full name", 100),
  phone: mobile().nullable().default(null),
});

export const loginInput = z.object({
  email,
  password: labelled(
    lengthIn(z.string({ error: "Password must be text" }), { min: 1, max: 128, tooShort: "Password is required", tooLong: "Password must be at most 128 characters" }),
    "Password",
  ),
});

export const updateProfileInput = z.object({
  name: text("Full name", 100),
  phone: mobile().nullable().default(null),
});

export const addressInput = z.object({
  label: optionalText("Label", 40),
  name: text("Full name", 100),
  phone: mobile(),
  line1: text("Address line 1", 200),
  line2: optionalText("Address line 2", 200),
  city: text("City", 100),
  state: stateCode,
  postalCode: pinCode,
  country: labelled(
    z
      .string({ error: "Country must be text" })
      .trim()
      .regex(/^[A-Z]{2}$/, { error: "Country must be a two-letter country code such as IN" }),
    "Country",
  ).default("IN"),
});

export const updateAddressInput = addressInput.extend({ addressId: id("Address") });
export const addressIdInput = z.object({ addressId: id("Address") });

export const changePasswordInput = z
  .object({ currentPassword: text("Current password", 128), newPassword: password("New password") })
  .refine((v) => v.currentPassword !== v.newPassword, { error: "New password must differ from the current password", path: ["newPassword"] });

/** A mobile or partner client's refresh token, sent in the body because it keeps no cookies. */
export const refreshTokenInput = z.object({ refreshToken: text("Refresh token", 200, 20) });

export const requestPasswordResetInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: text("Reset link", 200, 20),
  newPassword: password("New password"),
});

export const adminUserListInput = z.object({
  search: optionalText("Search", 100),
  role: oneOf("Role", ROLES).nullable().default(null),
  ...pageInput,
});

export const adminUserUpdateInput = z.object({
  userId: id("Customer"),
  role: oneOf("Role", ROLES).optional(),
  permissions: labelled(z.array(z.enum(ADMIN_PERMISSIONS, { error: "Permissions must be known admin permissions" })), "Permissions").optional(),
  disabled: yesNo("Disabled").optional(),
  /** The acting admin's current code, required for role changes once they have enrolled TOTP. */
  totpCode: totpCode.optional(),
});

export const adminUserIdInput = z.object({ userId: id("Customer") });

/** Gives an account a staff role: it becomes an admin holding exactly the role's permissions. */
export const adminAssignRoleInput = z.object({
  userId: id("Account"),
  staffRole: oneOf("Staff role", STAFF_ROLES, "Owner, Catalog manager, Fulfilment or Support"),
  /** The acting admin's current code, as for any access change once they have enrolled TOTP. */
  totpCode: totpCode.optional(),
});

export const totpConfirmInput = z.object({ code: totpCode });

/**
 * A recovery code as issued (`xxxxx-xxxxx`, lower-case letters and digits); spaces, a missing dash
 * and case are forgiven. The pattern sits on the input so the REST document shows it.
 */
export const recoveryCode = labelled(
  z
    .string({ error: "Recovery code must be text" })
    .regex(/^\s*[A-Za-z0-9]{5}\s*-?\s*[A-Za-z0-9]{5}\s*$/, { error: "Recovery code must be a recovery code like abcde-12345" }),
  "Recovery code",
).transform((value) => value.replace(/\s+/g, "").toLowerCase());

/**
 * The second step of a sign-in: the challenge the password step answered with, and either the
 * authenticator's current code or one unused recovery code.
 */
export const completeSignInInput = z
  .object({
    challenge: text("Sign-in step", 1000, 20),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    error: "Enter either the code from your app or a recovery code",
    path: ["code"],
  })
  // The same rule for JSON Schema (the REST document), which cannot read the refinement above.
  .meta({ oneOf: [{ required: ["code"] }, { required: ["recoveryCode"] }] });

/** Issuing a new set of recovery codes needs a current code, so a stolen session alone cannot. */
export const regenerateRecoveryCodesInput = z.object({ code: totpCode });

export const auditListInput = z.object({
  actorId: optionalText("Done by", 100),
  action: optionalText("Action", 100),
  targetType: optionalText("Record type", 100),
  targetId: optionalText("Record", 100),
  from: dateTime("From").nullable().default(null),
  to: dateTime("To").nullable().default(null),
  ...pageInput,
});
