import { z } from "zod";
import type { StoreSettings } from "../settings/settings.js";
import { amountMinor, currency, id, int, labelled, percentBp, text, yesNo } from "./fields.js";

export const deliveryOptionInput = z
  .object({
    id: id("Delivery option code"),
    label: text("Delivery option name", 60),
    feeMinor: amountMinor("Delivery fee"),
    freeOverMinor: amountMinor("Free delivery over").nullable(),
    etaDays: labelled(z.object({ min: int("Fastest delivery (days)", 0, 60), max: int("Slowest delivery (days)", 0, 60) }), "Delivery time"),
  })
  .refine((o) => o.etaDays.min <= o.etaDays.max, { error: "Fastest delivery must not exceed slowest delivery", path: ["etaDays"] });

/** Intl accepts every IANA zone and alias (Asia/Kolkata, Asia/Calcutta) and throws on anything else. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = labelled(
  z.string({ error: "Time zone must be text" }).refine(isTimeZone, {
    error: "Time zone must be an IANA time zone such as Asia/Kolkata",
  }),
  "Time zone",
);

/** The settings document as admins save it, less the tax settings (saved on their own); checked against the domain type. */
export const storeSettingsInput = z.object({
  storeName: text("Store name", 80),
  currency,
  taxRateBp: percentBp("Tax rate %", 0, 10_000),
  deliveryOptions: labelled(
    z
      .array(deliveryOptionInput, { error: "Delivery options must be a list of options" })
      .min(1, { error: "Add at least one delivery option" })
      .refine((os) => new Set(os.map((o) => o.id)).size === os.length, { error: "Each delivery option needs its own code" }),
    "Delivery options",
  ),
  returnWindowDays: int("Return window (days)", 0, 365),
  paymentExpiryMinutes: int("Payment time limit (minutes)", 5, 7 * 24 * 60),
  codEnabled: yesNo("Cash on delivery"),
  timeZone,
  lowStockThreshold: int("Low stock threshold", 0, 10_000),
}) satisfies z.ZodType<Omit<StoreSettings, "tax">>;
