import { z } from "zod";
import { ADMIN_PERMISSIONS, ROLES } from "../account/user.js";
import { dateTime, email, id, oneOf, optionalText, pageInput, password, phone, text } from "./fields.js";
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
    password: z.string({ error: "password must be text" }).min(1, { error: "password is required" }).max(128, { error: "password must be at most 128 characters" }),
});
export const updateProfileInput = z.object({
    name: text("name", 100),
    phone: phone.nullable().default(null),
});
export const addressInput = z.object({
    label: optionalText("label", 40),
    name: text("name", 100),
    phone,
    line1: text("line1", 200),
    line2: optionalText("line2", 200),
    city: text("city", 100),
    state: text("state", 100),
    postalCode: z.string({ error: "postalCode must be text" }).trim().regex(/^[A-Za-z0-9 -]{3,10}$/, { error: "postalCode must be a postal code" }),
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
export const totpConfirmInput = z.object({ code: totpCode });
export const auditListInput = z.object({
    actorId: optionalText("actorId", 100),
    action: optionalText("action", 100),
    targetType: optionalText("targetType", 100),
    targetId: optionalText("targetId", 100),
    from: dateTime("from").nullable().default(null),
    to: dateTime("to").nullable().default(null),
    ...pageInput,
});
//# sourceMappingURL=account.js.map