import { z } from "zod";
/** What a coupon takes off; replaced whole on update, so a coupon never mixes two kinds' fields. */
export declare const couponDiscountInput: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"percentage">;
    percentBp: z.ZodNumber;
    maxDiscountMinor: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"fixed">;
    amountMinor: z.ZodNumber;
}, z.core.$strip>], "kind">;
export declare const couponCreateInput: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"percentage">;
    percentBp: z.ZodNumber;
    maxDiscountMinor: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    code: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    active: z.ZodDefault<z.ZodBoolean>;
    minOrderMinor: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    startsAt: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    expiresAt: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    usageLimit: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    perCustomerLimit: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"fixed">;
    amountMinor: z.ZodNumber;
    code: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    active: z.ZodDefault<z.ZodBoolean>;
    minOrderMinor: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    startsAt: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    expiresAt: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    usageLimit: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    perCustomerLimit: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>], "kind">;
/**
 * Only the fields sent change (no defaults). The window is re-checked against the stored
 * coupon by the service, since one end may be unchanged.
 */
export declare const couponUpdateInput: z.ZodObject<{
    code: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    active: z.ZodOptional<z.ZodBoolean>;
    discount: z.ZodOptional<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"percentage">;
        percentBp: z.ZodNumber;
        maxDiscountMinor: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"fixed">;
        amountMinor: z.ZodNumber;
    }, z.core.$strip>], "kind">>;
    minOrderMinor: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
    startsAt: z.ZodOptional<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    expiresAt: z.ZodOptional<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    usageLimit: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
    perCustomerLimit: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>;
export declare const couponListInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
/** Codes are matched upper-cased, as they are stored. */
export declare const couponCodeInput: z.ZodObject<{
    code: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
}, z.core.$strip>;
//# sourceMappingURL=coupon.d.ts.map