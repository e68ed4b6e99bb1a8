import { z } from "zod";
import { amountMinor, dateTime, int, pageInput, text } from "./fields.js";

const code = z
  .string({ error: "code must be text" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,40}$/, { error: "code must be 3–40 letters, digits, dashes or underscores" })
  .transform((value) => value.toUpperCase());

const rules = {
  code,
  active: z.boolean({ error: "active must be true or false" }).default(true),
  minOrderMinor: amountMinor("minOrderMinor").nullable().default(null),
  startsAt: dateTime("startsAt").nullable().default(null),
  expiresAt: dateTime("expiresAt").nullable().default(null),
  usageLimit: int("usageLimit", 1, 10_000_000).nullable().default(null),
  perCustomerLimit: int("perCustomerLimit", 1, 1000).nullable().default(null),
};

export const couponCreateInput = z
  .discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("percentage"),
        percentBp: int("percentBp", 1, 10_000),
        maxDiscountMinor: amountMinor("maxDiscountMinor", 1).nullable().default(null),
        ...rules,
      }),
      z.object({ kind: z.literal("fixed"), amountMinor: amountMinor("amountMinor", 1), ...rules }),
    ],
    { error: "kind must be percentage or fixed" },
  )
  .refine((c) => !c.startsAt || !c.expiresAt || c.startsAt < c.expiresAt, { error: "expiresAt must be after startsAt", path: ["expiresAt"] });

export const couponUpdateInput = z.object({
  code,
  active: z.boolean({ error: "active must be true or false" }).optional(),
  expiresAt: dateTime("expiresAt").nullable().optional(),
  usageLimit: int("usageLimit", 1, 10_000_000).nullable().optional(),
  perCustomerLimit: int("perCustomerLimit", 1, 1000).nullable().optional(),
});

export const couponListInput = z.object({ ...pageInput });
export const couponCodeInput = z.object({ code: text("code", 40) });
