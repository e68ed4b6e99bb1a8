import { z } from "zod";
import { INDIAN_STATES, isPinCode, normalizePhone, stateCodeFor } from "../account/india.js";
import { formatMoney, isCurrencyCode } from "../money/money.js";

/*
 * Field builders whose messages name the field by its label, the words a person sees beside it
 * ("PIN code must be 6 digits", "Price must be at least ₹0.01"), in the API and in the web's forms
 * alike. Each builder takes the label, writes its messages with it and keeps it as the schema's
 * JSON Schema `title` (see `labelled`), where the label test and the REST document read it.
 */

/** Largest price or amount accepted: ₹10,00,00,000.00. Keeps every order total far below 2^53. */
export const MAX_AMOUNT_MINOR = 10_000_000_000;

/**
 * `schema` with its label: the name a person knows the field by, kept as JSON Schema's `title`
 * (zod metadata survives later checks and refinements, not wrappers such as `.optional()`, which
 * the label test looks through). Every field of every input schema has one: the test fails otherwise.
 */
export const labelled = <S extends z.ZodType>(schema: S, label: string): S => schema.meta({ title: label });

/** The schemas a wrapper stands for: what `.optional()`, `.nullable()`, `.default()`, a pipe or a transform hold. */
export function wrapped(schema: z.ZodType): z.ZodType[] {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType } } })._zod.def;
  if (def.innerType) return [def.innerType];
  return def.type === "pipe" ? [def.in!, def.out!] : [];
}

/**
 * A field's label, looking through what wraps it (`text("City", 100).optional()` is "City"): for a
 * message a form writes itself (an amount that does not parse) and for the label test.
 */
export function labelOf(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.title ?? wrapped(schema).map(labelOf).find((label) => label !== undefined);
}

/** A yes/no switch: a checkbox in the forms. */
export const yesNo = (label: string) => labelled(z.boolean({ error: `${label} must be true or false` }), label);

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

export const text = (label: string, max: number, min = 1) =>
  labelled(
    lengthIn(z.string({ error: `${label} must be text` }).trim(), {
      min,
      max,
      tooShort: min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`,
      tooLong: `${label} must be at most ${max} characters`,
    }),
    label,
  );

/** Optional text up to `max` characters; empty means absent (null). */
export const optionalText = (label: string, max: number) =>
  labelled(lengthIn(z.string({ error: `${label} must be text` }).trim(), { max, tooLong: `${label} must be at most ${max} characters` }), label)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null);

export const id = (label: string) => text(label, 100);

/** "a, b or c": how a refusal names the values a field may take, in words (`wrong_item` reads "wrong item"). */
const listed = (values: readonly string[]) => {
  const words = values.map((value) => value.replaceAll("_", " "));
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "");
};

/** One of an enum's values, from the enum's list in core; the refusal names each value allowed. */
export const oneOf = <const L extends readonly [string, ...string[]]>(label: string, values: L, words: string = listed(values)) =>
  labelled(z.enum(values, { error: `${label} must be ${words}` }), label);

export const int = (label: string, min: number, max: number) =>
  labelled(
    z
      .number({ error: `${label} must be a number` })
      .int({ error: `${label} must be a whole number` })
      .min(min, { error: `${label} must be at least ${min}` })
      .max(max, { error: `${label} must be at most ${max}` }),
    label,
  );

/** An amount as the person types it: rupees and paise (`₹0.01`), whatever the minor units the API carries. */
const rupees = (minor: number) => formatMoney({ minor, currency: "INR" });

/**
 * Money in integer minor units (paise), never a decimal. Its messages speak in rupees, as the
 * forms show and take amounts; `min` and `max` may be negative for a signed amount (a debit).
 */
export const amountMinor = (label: string, min = 0, max = MAX_AMOUNT_MINOR) =>
  labelled(
    z
      .number({ error: `${label} must be an amount` })
      .int({ error: `${label} must be in whole paise` })
      .min(min, { error: `${label} must be at least ${rupees(min)}` })
      .max(max, { error: `${label} must be at most ${rupees(max)}` }),
    label,
  );

/** How a number of basis points reads as the percentage a person types: 1250 → "12.5". */
const percent = (bp: number) => String(bp / 100);

/**
 * A percentage carried in basis points (1 % = 100), never a float; the label ends in "%" and the
 * messages speak in percent ("Discount % must be at most 100"), as the forms take it.
 */
export const percentBp = (label: string, minBp: number, maxBp: number) =>
  labelled(
    z
      .number({ error: `${label} must be a number` })
      .int({ error: `${label} may have at most 2 decimal places` })
      .min(minBp, { error: `${label} must be at least ${percent(minBp)}` })
      .max(maxBp, { error: `${label} must be at most ${percent(maxBp)}` }),
    label,
  );

/** Trimmed and lower-cased before the check; the document declares `format: email` (the pipe's input side would show none). */
export const email = lengthIn(z.string({ error: "Email must be text" }).trim().toLowerCase(), { max: 254, tooLong: "Email must be at most 254 characters" })
  .pipe(z.email({ error: "Email must be a valid email address" }))
  .meta({ title: "Email", format: "email", maxLength: 254 });

/** 10–128 characters: long passphrases welcome, no composition rules (NIST 800-63B). */
export const password = (label = "Password") => text(label, 128, 10);

/** A person's mobile number, stored as E.164 (`+919876543210`); +91 when no country code is given. The one rule for profiles and addresses. */
export const mobile = (label = "Mobile number") =>
  z
    .string({ error: "Enter a 10-digit mobile number" })
    .transform((value, ctx) => normalizePhone(value) ?? (ctx.addIssue({ code: "custom", message: "Enter a 10-digit mobile number" }), z.NEVER))
    // The document declares the plain spellings; spaces, dashes and another country's E.164 number are accepted beside them.
    .meta({
      title: label,
      type: "string",
      pattern: "^(?:\\+91|0)?[6-9][0-9]{9}$",
      description: "A 10-digit Indian mobile number (`9876543210`, `+91 98765 43210`, `098765 43210`) or another country's in E.164; stored as E.164.",
    });

/** An Indian PIN code (6 digits, first 1–9); spaces inside ("560 001") are forgiven. */
export const pinCode = z
  .string({ error: "PIN code must be text" })
  .transform((value) => value.replace(/\s+/g, ""))
  .refine(isPinCode, { error: "PIN code must be 6 digits" })
  .meta({ title: "PIN code", type: "string", pattern: "^[1-9][0-9]{5}$", description: "Indian PIN code: 6 digits, the first 1–9." });

/** A state or union territory of India, by code (`KA`) or name (`Karnataka`); stored as the code. */
export const stateCode = z
  .string({ error: "Pick a state or union territory" })
  .transform((value, ctx) => stateCodeFor(value) ?? (ctx.addIssue({ code: "custom", message: "Pick a state or union territory from the list" }), z.NEVER))
  // The document lists codes and names; any case and former names ("Orissa") are accepted beside them.
  .meta({
    title: "State",
    type: "string",
    enum: INDIAN_STATES.flatMap((s) => [s.code, s.name]),
    description: "A state or union territory of India: its code or its name; stored as the code.",
  });

export const slug = (label = "Web address") =>
  labelled(
    z
      .string({ error: `${label} must be text` })
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${label} may contain only lower-case letters, digits and dashes` })
      .max(120, { error: `${label} must be at most 120 characters` }), // ASCII only: UTF-16 units are code points
    label,
  );

export const currency = labelled(z.string({ error: "Currency must be text" }).refine(isCurrencyCode, { error: "Currency must be an ISO 4217 code such as INR" }), "Currency");

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
export const dateTime = (label: string) =>
  z
    .preprocess((value) => (typeof value === "string" && ISO_DATE_TIME.test(value) ? new Date(value) : value), z.date({ error: `${label} must be a date and time` }))
    .meta({ title: label, type: "string", format: "date-time" });

export const pageInput = {
  cursor: labelled(lengthIn(z.string({ error: "Page marker must be text" }), { max: 500, tooLong: "Page marker is too long" }), "Page marker").nullable().default(null),
  limit: int("Page size", 1, 100).default(24),
};

/** Chosen by the client once per form or request, so a double submit or a retried request acts once. */
export const idempotencyKey = labelled(
  z.string({ error: "Request key must be text" }).regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "Request key must be 8–100 letters, digits, dashes or underscores" }),
  "Request key",
);
