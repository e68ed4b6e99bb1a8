import { z } from "zod";
import { isCurrencyCode } from "../money/money.js";
/*
 * Field builders whose messages name the field, so a 400 says which input was wrong
 * ("email must be a valid email address"), in the API and in the web's forms alike.
 */
/** Largest price or amount accepted: ₹10,00,00,000.00. Keeps every order total far below 2^53. */
export const MAX_AMOUNT_MINOR = 10_000_000_000;
export const text = (field, max, min = 1) => z
    .string({ error: `${field} must be text` })
    .trim()
    .min(min, { error: min === 1 ? `${field} is required` : `${field} must be at least ${min} characters` })
    .max(max, { error: `${field} must be at most ${max} characters` });
export const optionalText = (field, max) => z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` })
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null);
export const id = (field) => text(field, 100);
/** "a, b or c": how a refusal names the values a field may take. */
const listed = (values) => (values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : (values[0] ?? ""));
/** One of an enum's values, from the enum's list in core; the refusal names each value allowed. */
export const oneOf = (field, values) => z.enum(values, { error: `${field} must be ${listed(values)}` });
export const int = (field, min, max) => z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });
/** Money in integer minor units (paise), never a decimal. */
export const amountMinor = (field, min = 0) => int(field, min, MAX_AMOUNT_MINOR);
export const email = z
    .string({ error: "email must be text" })
    .trim()
    .toLowerCase()
    .max(254, { error: "email must be at most 254 characters" })
    .pipe(z.email({ error: "email must be a valid email address" }));
/** 10–128 characters: long passphrases welcome, no composition rules (NIST 800-63B). */
export const password = (field = "password") => text(field, 128, 10);
export const phone = z
    .string({ error: "phone must be text" })
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, { error: "phone must be a phone number" });
export const slug = (field = "slug") => z
    .string({ error: `${field} must be text` })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${field} may contain only lower-case letters, digits and dashes` })
    .max(120, { error: `${field} must be at most 120 characters` });
export const currency = z.string({ error: "currency must be text" }).refine(isCurrencyCode, { error: "currency must be an ISO 4217 code" });
export const dateTime = (field) => z.coerce.date({ error: `${field} must be a date and time` });
export const pageInput = {
    cursor: z.string({ error: "cursor must be text" }).max(500, { error: "cursor is too long" }).nullable().default(null),
    limit: int("limit", 1, 100).default(24),
};
/** Chosen by the client once per form or request, so a double submit or a retried request acts once. */
export const idempotencyKey = z
    .string({ error: "idempotencyKey must be text" })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "idempotencyKey must be 8–100 letters, digits, dashes or underscores" });
//# sourceMappingURL=fields.js.map