import { z } from "zod";
/** Largest price or amount accepted: ₹10,00,00,000.00. Keeps every order total far below 2^53. */
export declare const MAX_AMOUNT_MINOR = 10000000000;
export declare const text: (field: string, max: number, min?: number) => z.ZodString;
export declare const optionalText: (field: string, max: number) => z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
export declare const id: (field: string) => z.ZodString;
/** One of an enum's values, from the enum's list in core; the refusal names each value allowed. */
export declare const oneOf: <const L extends readonly [string, ...string[]]>(field: string, values: L) => z.ZodEnum<{ [k_1 in L[number]]: k_1; } extends infer T ? { [k in keyof T]: T[k]; } : never>;
export declare const int: (field: string, min: number, max: number) => z.ZodNumber;
/** Money in integer minor units (paise), never a decimal. */
export declare const amountMinor: (field: string, min?: number) => z.ZodNumber;
export declare const email: z.ZodPipe<z.ZodString, z.ZodEmail>;
/** 10–128 characters: long passphrases welcome, no composition rules (NIST 800-63B). */
export declare const password: (field?: string) => z.ZodString;
export declare const phone: z.ZodString;
export declare const slug: (field?: string) => z.ZodString;
export declare const currency: z.ZodString;
export declare const dateTime: (field: string) => z.ZodCoercedDate<unknown>;
export declare const pageInput: {
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
};
/** Chosen by the client once per form or request, so a double submit or a retried request acts once. */
export declare const idempotencyKey: z.ZodString;
//# sourceMappingURL=fields.d.ts.map