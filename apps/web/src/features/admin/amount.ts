import { minorDigits, type CurrencyCode } from "@bbscart/core";

/**
 * "1,299.50" typed by an admin as integer minor units (129950), or null when it is not an amount.
 * Read from the digits as text, so no float ever rounds a paisa away. A leading minus is allowed
 * only when `signed` (wallet debits).
 */
export function parseAmount(text: string, currency: CurrencyCode, { signed = false } = {}): number | null {
  return parseScaled(text, minorDigits(currency), signed);
}

/** "18.5" with `digits` = 2 as 1850: percentages typed by people, kept as basis points. */
export function parseScaled(text: string, digits: number, signed = false): number | null {
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text.trim().replaceAll(",", ""));
  if (!match || (match[1] && !signed)) return null;
  const fraction = match[3] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[2]! + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] ? -minor : minor;
}

/** Minor units as the decimal an admin edits ("1299.50"), without a currency sign or grouping. */
export function amountText(minor: number, currency: CurrencyCode): string {
  return scaledText(minor, minorDigits(currency));
}

/** The inverse of `parseScaled`: 1850 with 2 digits as "18.50". */
export function scaledText(value: number, digits: number): string {
  if (digits === 0) return String(value);
  const magnitude = Math.abs(value).toString().padStart(digits + 1, "0");
  return `${value < 0 ? "-" : ""}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}
