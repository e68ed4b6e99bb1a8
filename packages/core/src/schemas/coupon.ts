import { z } from "zod";
import { amountMinor, dateTime, int, optionalText, pageInput } from "./fields.js";

const code = z
  .string({ error: "code must be text" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,40}$/, { error: "code must be 3–40 letters, digits, dashes or underscores" })
  .transform((value) => value.toUpperCase());

const description = optionalText("description", 200);

const rules = {
  code,
  description,
  active: z.boolean({ error: "active must be true or false" }).default(true),
  minOrderMinor: amountMinor("minOrderMinor").nullable().default(null),
  startsAt: dateTime("startsAt").nullable().default(null),
  expiresAt: dateTime("expiresAt").nullable().default(null),
  usageLimit: int("usageLimit", 1, 10_000_000).nullable().default(null),
  perCustomerLimit: int("perCustomerLimit", 1, 1000).nullable().default(null),
};

const percentage = z.object({
  kind: z.literal("percentage"),
  percentBp: int("percentBp", 1, 10_000),
  maxDiscountMinor: amountMinor("maxDiscountMinor", 1).nullable().default(null),
});
const fixed = z.object({ kind: z.literal("fixed"), amountMinor: amountMinor("amountMinor", 1) });
const kindError = { error: "kind must be percentage or fixed" };

/** What a coupon takes off; replaced whole on update, so a coupon never mixes two kinds' fields. */
export const couponDiscountInput = z.discriminatedUnion("kind", [percentage, fixed], kindError);

const validWindow = (c: { startsAt?: Date | null | undefined; expiresAt?: Date | null | undefined }) =>
  !c.startsAt || !c.expiresAt || c.startsAt < c.expiresAt;
const windowError = { error: "expiresAt must be after startsAt", path: ["expiresAt"] };

export const couponCreateInput = z
  .discriminatedUnion("kind", [percentage.extend(rules), fixed.extend(rules)], kindError)
  .refine(validWindow, windowError);

/**
 * Only the fields sent change (no defaults). The code never changes: orders and redemptions
 * name the coupon by it. `expectedVersion` is the version the edit was made from; a coupon changed
 * since refuses the edit. The window is re-checked against the stored coupon by the service,
 * since one end may be unchanged.
 */
export const couponUpdateInput = z
  .object({
    code,
    expectedVersion: int("expectedVersion", 1, Number.MAX_SAFE_INTEGER),
    description: description.unwrap().optional(),
    active: rules.active.unwrap().optional(),
    discount: couponDiscountInput.optional(),
    minOrderMinor: amountMinor("minOrderMinor").nullable().optional(),
    startsAt: dateTime("startsAt").nullable().optional(),
    expiresAt: dateTime("expiresAt").nullable().optional(),
    usageLimit: int("usageLimit", 1, 10_000_000).nullable().optional(),
    perCustomerLimit: int("perCustomerLimit", 1, 1000).nullable().optional(),
  })
  .refine(validWindow, windowError);

export const couponListInput = z.object({ ...pageInput });
/** Codes are matched upper-cased, as they are stored. */
export const couponCodeInput = z.object({ code });
