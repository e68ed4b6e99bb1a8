import { z } from "zod";
import { amountMinor, dateTime, int, labelled, optionalText, pageInput, percentBp, yesNo } from "./fields.js";

const code = labelled(
  z
    .string({ error: "Coupon code must be text" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,40}$/, { error: "Coupon code must be 3–40 letters, digits, dashes or underscores" }),
  "Coupon code",
).transform((value) => value.toUpperCase());

const description = optionalText("Description", 200);

const rules = {
  code,
  description,
  active: yesNo("Active").default(true),
  minOrderMinor: amountMinor("Minimum order").nullable().default(null),
  startsAt: dateTime("Start").nullable().default(null),
  expiresAt: dateTime("Expiry").nullable().default(null),
  usageLimit: int("Total uses", 1, 10_000_000).nullable().default(null),
  perCustomerLimit: int("Uses per customer", 1, 1000).nullable().default(null),
};

const percentage = z.object({
  kind: z.literal("percentage"),
  percentBp: percentBp("Discount %", 1, 10_000),
  maxDiscountMinor: amountMinor("Maximum discount", 1).nullable().default(null),
});
const fixed = z.object({ kind: z.literal("fixed"), amountMinor: amountMinor("Discount amount", 1) });
const kindError = { error: "Discount type must be percentage or fixed" };

/** What a coupon takes off; replaced whole on update, so a coupon never mixes two kinds' fields. */
export const couponDiscountInput = z.discriminatedUnion("kind", [percentage, fixed], kindError);

const validWindow = (c: { startsAt?: Date | null | undefined; expiresAt?: Date | null | undefined }) =>
  !c.startsAt || !c.expiresAt || c.startsAt < c.expiresAt;
const windowError = { error: "Expiry must be after the start", path: ["expiresAt"] };

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
    expectedVersion: int("Version", 1, Number.MAX_SAFE_INTEGER),
    description: description.unwrap().optional(),
    active: rules.active.unwrap().optional(),
    discount: labelled(couponDiscountInput, "Discount").optional(),
    minOrderMinor: rules.minOrderMinor.unwrap().optional(),
    startsAt: rules.startsAt.unwrap().optional(),
    expiresAt: rules.expiresAt.unwrap().optional(),
    usageLimit: rules.usageLimit.unwrap().optional(),
    perCustomerLimit: rules.perCustomerLimit.unwrap().optional(),
  })
  .refine(validWindow, windowError);

export const couponListInput = z.object({ ...pageInput });
/** Codes are matched upper-cased, as they are stored. */
export const couponCodeInput = z.object({ code });
