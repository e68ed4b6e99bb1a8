import { err, ok, type Result } from "../result.js";
import { numberFormat } from "../intl/formats.js";

/** ISO 4217 alphabetic code, e.g. "INR". */
export type CurrencyCode = string;

/**
 * An amount of money: integer minor units (paise for INR) plus its currency.
 * Invariant: `minor` is a safe integer; never a float, so sums are exact.
 */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export type MoneyError =
  | { readonly code: "CURRENCY_MISMATCH"; readonly expected: CurrencyCode; readonly actual: CurrencyCode }
  | { readonly code: "AMOUNT_OUT_OF_RANGE" };

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** What `Intl` knows, listed once: the list is a few hundred codes, and every currency field of every input asks. */
let knownCurrencies: ReadonlySet<string> | undefined;

/** True when `code` looks like an ISO 4217 code that `Intl` knows. */
export function isCurrencyCode(code: string): boolean {
  if (!CURRENCY_CODE.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies.has(code);
}

/**
 * Builds a money value. Throws on a non-integer or unsafe amount or a malformed currency,
 * because those can only come from a bug: inputs are validated by the schemas first.
 */
export function money(minor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money: ${minor} is not a safe integer of minor units`);
  if (!CURRENCY_CODE.test(currency)) throw new RangeError(`money: "${currency}" is not an ISO 4217 currency code`);
  return { minor, currency };
}

/** Zero in the given currency: the identity for `add`. */
export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

function checked(minor: number, currency: CurrencyCode): Result<Money, MoneyError> {
  return Number.isSafeInteger(minor) ? ok({ minor, currency }) : err({ code: "AMOUNT_OUT_OF_RANGE" });
}

function sameCurrency(a: Money, b: Money): MoneyError | null {
  return a.currency === b.currency ? null : { code: "CURRENCY_MISMATCH", expected: a.currency, actual: b.currency };
}

/** a + b. Mixing currencies or leaving the safe-integer range is refused, never rounded. */
export function add(a: Money, b: Money): Result<Money, MoneyError> {
  const mismatch = sameCurrency(a, b);
  return mismatch ? err(mismatch) : checked(a.minor + b.minor, a.currency);
}

/** a − b; may be negative (a balance delta). Same refusals as `add`. */
export function subtract(a: Money, b: Money): Result<Money, MoneyError> {
  const mismatch = sameCurrency(a, b);
  return mismatch ? err(mismatch) : checked(a.minor - b.minor, a.currency);
}

/**
 * Unit price × quantity. The quantity must be a non-negative safe integer (a negative
 * quantity is a bug); a product beyond the safe-integer range is refused.
 */
export function multiply(unit: Money, quantity: number): Result<Money, MoneyError> {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`multiply: bad quantity ${quantity}`);
  return checked(unit.minor * quantity, unit.currency);
}

/** Sum of amounts that must all be in `currency`; the empty sum is zero. */
export function sum(currency: CurrencyCode, amounts: readonly Money[]): Result<Money, MoneyError> {
  let total: Result<Money, MoneyError> = ok(zero(currency));
  for (const amount of amounts) {
    if (!total.ok) return total;
    total = add(total.value, amount);
  }
  return total;
}

/** The smaller of two amounts of the same currency (throws on mixed currencies: a bug). */
export function min(a: Money, b: Money): Money {
  const mismatch = sameCurrency(a, b);
  if (mismatch) throw new RangeError(`min: ${a.currency} vs ${b.currency}`);
  return a.minor <= b.minor ? a : b;
}

const digitsByCurrency = new Map<CurrencyCode, number>();

/** Number of minor-unit digits of a currency (INR 2, JPY 0, KWD 3), from Intl; every money figure asks, so it is kept per currency. */
export function minorDigits(currency: CurrencyCode): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * The amount as a plain decimal string in major units ("1299.00", "-5", "0.250"), built from the
 * integers as a string so no float ever touches it, even near the safe-integer limit. This is the
 * form machine readers expect (schema.org prices, payment gateways).
 */
export function decimalString(amount: Money): `${number}` {
  const digits = minorDigits(amount.currency);
  const magnitude = Math.abs(amount.minor).toString().padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(magnitude.length - digits)}` : "";
  return `${amount.minor < 0 ? "-" : ""}${whole}${fraction}` as `${number}`;
}

/** Display text such as "₹1,299.00", formatted from {@link decimalString} (never a float). */
export function formatMoney(amount: Money, locale = "en-IN"): string {
  return numberFormat(locale, { style: "currency", currency: amount.currency }).format(decimalString(amount));
}
