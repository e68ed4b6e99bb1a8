import { defaultTaxSettings, type StoreTaxSettings } from "../gst/tax-settings.js";
import type { CurrencyCode } from "../money/money.js";

/** A way to deliver; the fee is waived when the discounted subtotal reaches `freeOverMinor`. */
export interface DeliveryOption {
  readonly id: string;
  readonly label: string;
  readonly feeMinor: number;
  readonly freeOverMinor: number | null;
  readonly etaDays: { readonly min: number; readonly max: number };
}

/**
 * Store-wide configuration, edited by admins. Every amount is in `currency` minor units;
 * every rate is integer basis points.
 */
export interface StoreSettings {
  readonly storeName: string;
  readonly currency: CurrencyCode;
  /** Default tax rate for products without their own rate; 1800 = 18 %. */
  readonly taxRateBp: number;
  readonly deliveryOptions: readonly DeliveryOption[];
  /** Days after delivery during which a shopper may request a return. */
  readonly returnWindowDays: number;
  /** Minutes an unpaid order holds its stock before it expires. */
  readonly paymentExpiryMinutes: number;
  readonly codEnabled: boolean;
  /** IANA zone used for "sales today" and other calendar questions. */
  readonly timeZone: string;
  readonly lowStockThreshold: number;
  /** GST identity and rules (decision record 150); saved on its own, by `settings.updateTax`. */
  readonly tax: StoreTaxSettings;
}

export const defaultStoreSettings: StoreSettings = {
  storeName: "BBSCART",
  currency: "INR",
  taxRateBp: 1800,
  deliveryOptions: [
    { id: "standard", label: "Standard delivery", feeMinor: 4900, freeOverMinor: 49900, etaDays: { min: 3, max: 5 } },
    { id: "express", label: "Express delivery", feeMinor: 14900, freeOverMinor: null, etaDays: { min: 1, max: 2 } },
  ],
  returnWindowDays: 7,
  paymentExpiryMinutes: 30,
  codEnabled: true,
  timeZone: "Asia/Kolkata",
  lowStockThreshold: 5,
  tax: defaultTaxSettings,
};

/**
 * Settings as stored, completed with the defaults of parts added after they were saved (the tax
 * settings of a store saved before GST invoices): a stored document never lacks a part in use.
 */
export function withSettingDefaults(stored: Omit<StoreSettings, "tax"> & { readonly tax?: StoreTaxSettings | undefined }): StoreSettings {
  return { ...stored, tax: stored.tax ?? defaultTaxSettings };
}

/** The delivery option with `id`, or null when the store does not offer it (any more). */
export function findDeliveryOption(settings: StoreSettings, id: string): DeliveryOption | null {
  return settings.deliveryOptions.find((option) => option.id === id) ?? null;
}
