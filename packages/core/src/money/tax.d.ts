import { type Money } from "./money.js";
/** 10 000 basis points = 100 %. Rates are held as integers so no float enters a tax sum. */
export declare const BASIS_POINTS = 10000;
/** Rounds num/den (both non-negative, den > 0) to the nearest integer, halves up. */
export declare function divideHalfUp(num: bigint, den: bigint): bigint;
/**
 * The tax contained in a tax-inclusive amount: gross × rate / (10 000 + rate), rounded half
 * up, once per line. Prices in the shop are tax-inclusive, so tax never changes the total;
 * it only says how much of it is tax. The result is never more than `gross`.
 */
export declare function includedTax(gross: Money, rateBp: number): Money;
/**
 * A percentage (in basis points) of an amount, rounded half up. Used for percentage coupons.
 */
export declare function percentOf(amount: Money, rateBp: number): Money;
//# sourceMappingURL=tax.d.ts.map