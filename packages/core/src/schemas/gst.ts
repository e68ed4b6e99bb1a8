import { z } from "zod";
import { parseGstin, type GstinProblem } from "../gst/gstin.js";
import { defaultTaxSettings, type StoreTaxSettings } from "../gst/tax-settings.js";
import { int, stateCode, text } from "./fields.js";

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
  z
    .string({ error: `${field} must be text` })
    .transform((value, ctx) => {
      const parsed = parseGstin(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: GSTIN_MESSAGES[parsed.error.problem](field) });
      return z.NEVER;
    })
    .meta({ type: "string", minLength: 15, maxLength: 15, description: "A GSTIN: 15 characters, state code, PAN, entity, Z, check character" });

/** HSN (goods) or SAC (services): 4, 6 or 8 digits, as GST returns accept them. */
export const hsnCode = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .regex(/^(?:[0-9]{4}|[0-9]{6}|[0-9]{8})$/, { error: `${field} must be an HSN or SAC code of 4, 6 or 8 digits` });

const rateBp = (field: string) => int(field, 0, 10_000);

/** The store's GST identity and rules as an admin saves them; `checkTaxSettings` adds the rules across fields. */
export const taxSettingsInput = z.object({
  legalName: text("legalName", 120, 0).default(defaultTaxSettings.legalName),
  gstin: gstin("gstin").nullable(),
  addressLines: z.array(text("addressLines", 120), { error: "addressLines must be a list of lines" }).max(4, { error: "addressLines must have at most 4 lines" }),
  stateCode,
  invoicePrefix: z.string({ error: "invoicePrefix must be text" }).trim().toUpperCase(),
  slabsBp: z.array(rateBp("slabsBp"), { error: "slabsBp must be a list of rates" }).min(1, { error: "slabsBp must list at least one rate" }).max(10, { error: "slabsBp must list at most 10 rates" }),
  deliveryRateBp: rateBp("deliveryRateBp"),
}) satisfies z.ZodType<StoreTaxSettings, unknown>;

/** A business purchase at checkout: both fields, or neither. */
export const buyerInput = z.object({
  gstin: gstin("buyer.gstin"),
  businessName: text("buyer.businessName", 120),
});
