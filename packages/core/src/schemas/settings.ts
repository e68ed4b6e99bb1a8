import { z } from "zod";
import type { StoreSettings } from "../settings/settings.js";
import { amountMinor, currency, id, int, text } from "./fields.js";

export const deliveryOptionInput = z
  .object({
    id: id("deliveryOptions.id"),
    label: text("deliveryOptions.label", 60),
    feeMinor: amountMinor("deliveryOptions.feeMinor"),
    freeOverMinor: amountMinor("deliveryOptions.freeOverMinor").nullable(),
    etaDays: z.object({ min: int("etaDays.min", 0, 60), max: int("etaDays.max", 0, 60) }),
  })
  .refine((o) => o.etaDays.min <= o.etaDays.max, { error: "etaDays.min must not exceed etaDays.max", path: ["etaDays"] });

/** Intl accepts every IANA zone and alias (Asia/Kolkata, Asia/Calcutta) and throws on anything else. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string({ error: "timeZone must be text" }).refine(isTimeZone, {
  error: "timeZone must be an IANA time zone such as Asia/Kolkata",
});

/** The settings document as admins save it, less the tax settings (saved on their own); checked against the domain type. */
export const storeSettingsInput = z.object({
  storeName: text("storeName", 80),
  currency,
  taxRateBp: int("taxRateBp", 0, 10_000),
  deliveryOptions: z
    .array(deliveryOptionInput)
    .min(1, { error: "deliveryOptions must contain at least one option" })
    .refine((os) => new Set(os.map((o) => o.id)).size === os.length, { error: "deliveryOptions must have distinct ids" }),
  returnWindowDays: int("returnWindowDays", 0, 365),
  paymentExpiryMinutes: int("paymentExpiryMinutes", 5, 7 * 24 * 60),
  codEnabled: z.boolean({ error: "codEnabled must be true or false" }),
  timeZone,
  lowStockThreshold: int("lowStockThreshold", 0, 10_000),
}) satisfies z.ZodType<Omit<StoreSettings, "tax">>;
