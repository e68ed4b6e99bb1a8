import { formatMoney, minorDigits } from "@bbscart/core";

/** The smallest step of the form 1, 2 or 5 × 10ⁿ that is at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

/**
 * Y-axis ticks for amounts in minor units: 0, then equal "nice" steps (1, 2 or 5 × 10ⁿ) up to the
 * first tick at or above the largest value, about `intervals` of them. A step is never smaller
 * than one whole unit of the currency (₹1 = 100 paise), so every label, written in whole rupees,
 * is distinct — with no sales at all the axis reads ₹0, ₹1 instead of repeating ₹0.01.
 */
export function axisTicks(maxMinor: number, currency: string, intervals = 4): number[] {
  const unit = 10 ** minorDigits(currency);
  const step = Math.max(unit, niceStep(Math.max(maxMinor, 1) / intervals));
  const count = Math.max(1, Math.ceil(maxMinor / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** A tick's label: the amount in whole currency units ("₹1,500"), as ticks always are whole units. */
export const axisLabel = (minor: number, currency: string) => formatMoney({ minor, currency }).replace(/\.0+$/, "");
