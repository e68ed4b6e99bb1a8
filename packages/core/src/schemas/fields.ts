import { z } from "zod";
import { INDIAN_STATES, isPinCode, normalizePhone, stateCodeFor } from "../account/india.js";
import { isCurrencyCode } from "../money/money.js";

/*
 * Field builders whose messages name the field, so a 400 says which input was wrong
 * ("email must be a valid email address"), in the API and in the web's forms alike.
 */

/** Largest price or amount accepted: ₹10,00,00,000.00. Keeps every order total far below 2^53. */
export const MAX_AMOUNT_MINOR = 10_000_000_000;

/**
 * How many characters a text holds, counted as people and JSON Schema (`minLength`, `maxLength`)
 * count them: in code points, so 100 emoji are 100 characters, not the 200 UTF-16 units that
 * `string.length` (and zod's own `.max`) would count. tRPC and REST share these schemas, so both
 * surfaces and the OpenAPI document agree on every length.
 */
export function characters(value: string): number {
  let count = 0;
  for (const _codePoint of value) count++;
  return count;
}

/**
 * `schema` limited to `min`–`max` characters (code points, see `characters`), declared to JSON
 * Schema as `minLength`/`maxLength`. Apply last: zod drops metadata from schemas derived later.
 */
export const lengthIn = (schema: z.ZodString, limits: { min?: number; max: number; tooShort?: string; tooLong: string }) => {
  const { min = 0, max } = limits;
  const checked = min > 0 ? schema.refine((value) => characters(value) >= min, { error: limits.tooShort }) : schema;
  return checked.refine((value) => characters(value) <= max, { error: limits.tooLong }).meta(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max });
};

export const text = (field: string, max: number, min = 1) =>
  lengthIn(z.string({ error: `${field} must be text` }).trim(), {
    min,
    max,
    tooShort: min === 1 ? `${field} is required` : `${field} must be at least ${min} characters`,
    tooLong: `${field} must be at most ${max} characters`,
  });

/** Optional text up to `max` characters; empty means absent (null). */
export const optionalText = (field: string, max: number) =>
  lengthIn(z.string({ error: `${field} must be text` }).trim(), { max, tooLong: `${field} must be at most ${max} characters` })
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null);

export const id = (field: string) => text(field, 100);

/** "a, b or c": how a refusal names the values a field may take. */
const listed = (values: readonly string[]) => (values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : (values[0] ?? ""));

/** One of an enum's values, from the enum's list in core; the refusal names each value allowed. */
export const oneOf = <const L extends readonly [string, ...string[]]>(field: string, values: L) =>
  z.enum(values, { error: `${field} must be ${listed(values)}` });

export const int = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

/** Money in integer minor units (paise), never a decimal. */
export const amountMinor = (field: string, min = 0) => int(field, min, MAX_AMOUNT_MINOR);

/** Trimmed and lower-cased before the check; the document declares `format: email` (the pipe's input side would show none). */
export const email = lengthIn(z.string({ error: "email must be text" }).trim().toLowerCase(), { max: 254, tooLong: "email must be at most 254 characters" })
  .pipe(z.email({ error: "email must be a valid email address" }))
  .meta({ format: "email", maxLength: 254 });

/** 10–128 characters: long passphrases welcome, no composition rules (NIST 800-63B). */
export const password = (field = "password") => text(field, 128, 10);

export const phone = z
  .string({ error: "phone must be text" })
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, { error: "phone must be a phone number" });

/** An Indian PIN code (6 digits, first 1–9); spaces inside ("560 001") are forgiven. */
export const pinCode = z
  .string({ error: "PIN code must be text" })
  .transform((value) => value.replace(/\s+/g, ""))
  .refine(isPinCode, { error: "PIN code must be 6 digits" })
  .meta({ type: "string", pattern: "^[1-9][0-9]{5}$", description: "Indian PIN code: 6 digits, the first 1–9." });

/** A delivery contact's mobile number, stored as E.164 (`+919876543210`); +91 when no country code is given. */
export const mobile = z
  .string({ error: "Enter a 10-digit mobile number" })
  .transform((value, ctx) => normalizePhone(value) ?? (ctx.addIssue({ code: "custom", message: "Enter a 10-digit mobile number" }), z.NEVER))
  // The document declares the plain spellings; spaces, dashes and another country's E.164 number are accepted beside them.
  .meta({
    type: "string",
    pattern: "^(?:\\+91|0)?[6-9][0-9]{9}$",
    description: "A 10-digit Indian mobile number (`9876543210`, `+91 98765 43210`, `098765 43210`) or another country's in E.164; stored as E.164.",
  });

/** A state or union territory of India, by code (`KA`) or name (`Karnataka`); stored as the code. */
export const stateCode = z
  .string({ error: "Pick a state or union territory" })
  .transform((value, ctx) => stateCodeFor(value) ?? (ctx.addIssue({ code: "custom", message: "Pick a state or union territory from the list" }), z.NEVER))
  // The document lists codes and names; any case and former names ("Orissa") are accepted beside them.
  .meta({ type: "string", enum: INDIAN_STATES.flatMap((s) => [s.code, s.name]), description: "A state or union territory of India: its code or its name; stored as the code." });

export const slug = (field = "slug") =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${field} may contain only lower-case letters, digits and dashes` })
    .max(120, { error: `${field} must be at most 120 characters` }); // ASCII only: UTF-16 units are code points

export const currency = z.string({ error: "currency must be text" }).refine(isCurrencyCode, { error: "currency must be an ISO 4217 code" });

/**
 * An ISO 8601 date and time: RFC 3339's `format: date-time`, and what clients send beside it — a
 * form's local `2026-12-05T10:30` (no seconds or offset) or a bare date (midnight UTC).
 */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * A moment: a Date over tRPC (superjson carries it) or an ISO 8601 date-time text (REST, forms),
 * declared to JSON Schema as `format: date-time`. Any other text is refused naming the field, not
 * read by `Date`'s guesswork (`"12345"` would be the year 12345).
 */
export const dateTime = (field: string) =>
  z
    .preprocess((value) => (typeof value === "string" && ISO_DATE_TIME.test(value) ? new Date(value) : value), z.date({ error: `${field} must be a date and time` }))
    .meta({ type: "string", format: "date-time" });

export const pageInput = {
  cursor: lengthIn(z.string({ error: "cursor must be text" }), { max: 500, tooLong: "cursor is too long" }).nullable().default(null),
  limit: int("limit", 1, 100).default(24),
};

/** Chosen by the client once per form or request, so a double submit or a retried request acts once. */
export const idempotencyKey = z
  .string({ error: "idempotencyKey must be text" })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "idempotencyKey must be 8–100 letters, digits, dashes or underscores" });
