import { z } from "zod";
/** The 6-digit code of an authenticator app (sign-in, step-up for sensitive admin actions). */
export declare const totpCode: z.ZodString;
export declare const registerInput: z.ZodObject<{
    email: z.ZodPipe<z.ZodString, z.ZodEmail>;
    password: z.ZodString;
    name: z.ZodString;
    phone: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export declare const loginInput: z.ZodObject<{
    email: z.ZodPipe<z.ZodString, z.ZodEmail>;
    password: z.ZodString;
}, z.core.$strip>;
export declare const updateProfileInput: z.ZodObject<{
    name: z.ZodString;
    phone: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export declare const addressInput: z.ZodObject<{
    label: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    name: z.ZodString;
    phone: z.ZodString;
    line1: z.ZodString;
    line2: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    city: z.ZodString;
    state: z.ZodString;
    postalCode: z.ZodString;
    country: z.ZodDefault<z.ZodString>;
}, z.core.$strip>;
export declare const updateAddressInput: z.ZodObject<{
    label: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    name: z.ZodString;
    phone: z.ZodString;
    line1: z.ZodString;
    line2: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    city: z.ZodString;
    state: z.ZodString;
    postalCode: z.ZodString;
    country: z.ZodDefault<z.ZodString>;
    addressId: z.ZodString;
}, z.core.$strip>;
export declare const addressIdInput: z.ZodObject<{
    addressId: z.ZodString;
}, z.core.$strip>;
export declare const changePasswordInput: z.ZodObject<{
    currentPassword: z.ZodString;
    newPassword: z.ZodString;
}, z.core.$strip>;
/** A mobile or partner client's refresh token, sent in the body because it keeps no cookies. */
export declare const refreshTokenInput: z.ZodObject<{
    refreshToken: z.ZodString;
}, z.core.$strip>;
export declare const requestPasswordResetInput: z.ZodObject<{
    email: z.ZodPipe<z.ZodString, z.ZodEmail>;
}, z.core.$strip>;
export declare const resetPasswordInput: z.ZodObject<{
    token: z.ZodString;
    newPassword: z.ZodString;
}, z.core.$strip>;
export declare const adminUserListInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    search: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    role: z.ZodDefault<z.ZodNullable<z.ZodEnum<{
        shopper: "shopper";
        admin: "admin";
    }>>>;
}, z.core.$strip>;
export declare const adminUserUpdateInput: z.ZodObject<{
    userId: z.ZodString;
    role: z.ZodOptional<z.ZodEnum<{
        shopper: "shopper";
        admin: "admin";
    }>>;
    permissions: z.ZodOptional<z.ZodArray<z.ZodEnum<{
        "orders.manage": "orders.manage";
        "catalog.manage": "catalog.manage";
        "users.manage": "users.manage";
        "wallet.adjust": "wallet.adjust";
        "refunds.issue": "refunds.issue";
        "settings.manage": "settings.manage";
        "operations.view": "operations.view";
    }>>>;
    disabled: z.ZodOptional<z.ZodBoolean>;
    totpCode: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export declare const totpConfirmInput: z.ZodObject<{
    code: z.ZodString;
}, z.core.$strip>;
export declare const auditListInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    actorId: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    action: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    targetType: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    targetId: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    from: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    to: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
}, z.core.$strip>;
//# sourceMappingURL=account.d.ts.map