import { z } from "zod";

/** Core hands out readonly arrays; the schema says so, which the web's inferred types keep. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** A date: a Date to tRPC's transformer, an RFC 3339 string in the REST document. */
export const at = (description: string) => z.date().meta({ description, override: { type: "string", format: "date-time" } });

export const moneyOutput = z
  .object({
    minor: z.number().int().meta({ description: "Amount in integer minor units (paise for INR); never a decimal." }),
    currency: z.string().meta({ description: "ISO 4217 code, e.g. INR." }),
  })
  .meta({ id: "Money", description: "An amount of money: integer minor units plus currency." });

export const nextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." });

export const okOutput = z.object({ ok: z.literal(true) });
