import { type Result } from "../result.js";
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
export type MoneyError = {
    readonly code: "CURRENCY_MISMATCH";
    readonly expected: CurrencyCode;
    readonly actual: CurrencyCode;
} | {
    readonly code: "AMOUNT_OUT_OF_RANGE";
};
/** True when `code` looks like an ISO 4217 code that `Intl` knows. */
export declare function isCurrencyCode(code: string): boolean;
/**
 * Builds a money value. Throws on a non-integer or unsafe amount or a malformed currency,
 * because those can only come from a bug: inputs are validated by the schemas first.
 */
export declare function money(minor: number, currency: CurrencyCode): Money;
/** Zero in the given currency: the identity for `add`. */
export declare function zero(currency: CurrencyCode): Money;
/** a + b. Mixing currencies or leaving the safe-integer range is refused, never rounded. */
export declare function add(a: Money, b: Money): Result<Money, MoneyError>;
/** a − b; may be negative (a balance delta). Same refusals as `add`. */
export declare function subtract(a: Money, b: Money): Result<Money, MoneyError>;
/**
 * Unit price × quantity. The quantity must be a non-negative safe integer (a negative
 * quantity is a bug); a product beyond the safe-integer range is refused.
 */
export declare function multiply(unit: Money, quantity: number): Result<Money, MoneyError>;
/** Sum of amounts that must all be in `currency`; the empty sum is zero. */
export declare function sum(currency: CurrencyCode, amounts: readonly Money[]): Result<Money, MoneyError>;
/** The smaller of two amounts of the same currency (throws on mixed currencies: a bug). */
export declare function min(a: Money, b: Money): Money;
/** Number of minor-unit digits of a currency (INR 2, JPY 0, KWD 3), from Intl. */
export declare function minorDigits(currency: CurrencyCode): number;
/**
 * The amount as a plain decimal string in major units ("1299.00", "-5", "0.250"), built from the
 * integers as a string so no float ever touches it, even near the safe-integer limit. This is the
 * form machine readers expect (schema.org prices, payment gateways).
 */
export declare function decimalString(amount: Money): `${number}`;
/** Display text such as "₹1,299.00", formatted from {@link decimalString} (never a float). */
export declare function formatMoney(amount: Money, locale?: string): string;
//# sourceMappingURL=money.d.ts.map