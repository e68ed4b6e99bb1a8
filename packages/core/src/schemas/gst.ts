import { z } from "zod";
import { parseGstin, type GstinProblem } from "../gst/gstin.js";
import { defaultTaxSettings, type StoreTaxSettings } from "../gst/tax-settings.js";
import { id, labelled, percentBp, stateCode, text } from "./fields.js";

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text of the `YYYY-MM-DD` shape names a real day; other shapes are the regex's to refuse, once. */
function existingDay(value: string): boolean {
  if (!CALENDAR_DAY.test(value)) return true;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A calendar day `YYYY-MM-DD` that exists (no 31 February), kept as text: which zone it is a day in is the caller's rule. */
const calendarDay = (label: string) =>
  labelled(
    z
      .string({ error: `${label} must be a date (YYYY-MM-DD)` })
      .regex(CALENDAR_DAY, { error: `${label} must be a date (YYYY-MM-DD)` })
      .refine(existingDay, { error: `${label} is not a day of the calendar` })
      .meta({ type: "string", format: "date" }),
    label,
  );

/** An accountant's register: documents issued from `from` to `to`, both days included. */
export const taxRegisterInput = z.object({ from: calendarDay("From"), to: calendarDay("To") }).refine((range) => range.from <= range.to, {
  error: "To must not be before From",
  path: ["to"],
});

/** One credit note of an order, by the number printed on it. */
export const creditNoteInput = z.object({
  orderId: id("Order"),
  number: text("Credit note number", 16),
});

/** What a refused GSTIN's message says, per problem: the part to look at and what it must be. */
const GSTIN_MESSAGES: Readonly<Record<GstinProblem, (field: string) => string>> = {
  length: (f) => `${f} must be 15 characters`,
  state: (f) => `${f} must start with a GST state code (01–38)`,
  pan: (f) => `${f} characters 3–12 must be a PAN (five letters, four digits, one letter)`,
  entity: (f) => `${f} character 13 must be 1–9 or A–Z`,
  z: (f) => `${f} character 14 must be Z`,
  check: (f) => `${f} has a wrong check character (the 15th): look for a typing error`,
};

/** A GSTIN, normalised (upper case, no spaces); the refusal names the part that is wrong. */
export const gstin = (field: string) =>
  labelled(
    z
      .string({ error: `${field} must be text` })
      .transform((value, ctx) => {
        const parsed = parseGstin(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({
          code: "custom",
          message: GSTIN_MESSAGES[parsed.error.problem](field),
        });
        return z.NEVER;
      })
      .meta({
        type: "string",
        minLength: 15,
        maxLength: 15,
        description: "A GSTIN: 15 characters, state code, PAN, entity, Z, check character",
      }),
    field,
  );

/** HSN (goods) or SAC (services): 4, 6 or 8 digits, as GST returns accept them. */
export const hsnCode = (field: string) =>
  labelled(
    z
      .string({ error: `${field} must be text` })
      .trim()
      .regex(/^(?:[0-9]{4}|[0-9]{6}|[0-9]{8})$/, {
        error: `${field} must be 4, 6 or 8 digits`,
      }),
    field,
  );

const rateBp = (label: string) => percentBp(label, 0, 10_000);

/** The store's GST identity and rules as an admin saves them; `checkTaxSettings` adds the rules across fields. */
export const taxSettingsInput = z.object({
  legalName: text("Legal name", 120, 0).default(defaultTaxSettings.legalName),
  gstin: gstin("GSTIN").nullable(),
  addressLines: labelled(
    z
      .array(text("Address line", 120), {
        error: "Registered address must be a list of lines",
      })
      .max(4, { error: "Registered address must have at most 4 lines" }),
    "Registered address",
  ),
  stateCode: labelled(stateCode, "State"),
  invoicePrefix: labelled(z.string({ error: "Invoice prefix must be text" }).trim().toUpperCase(), "Invoice prefix"),
  slabsBp: labelled(
    z
      .array(rateBp("GST rate %"), {
        error: "GST rates must be a list of rates",
      })
      .min(1, { error: "GST rates must list at least one rate" })
      .max(10, { error: "GST rates must list at most 10 rates" }),
    "GST rates",
  ),
  deliveryRateBp: rateBp("Delivery GST rate %"),
}) satisfies z.ZodType<StoreTaxSettings, unknown>;

/** A business purchase at checkout: both fields, or neither. */
export const buyerInput = z.object({
  gstin: gstin("Business GSTIN"),
  businessName: text("Business name", 120),
});
