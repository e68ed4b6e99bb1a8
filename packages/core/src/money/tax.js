import { money } from "./money.js";
/** 10 000 basis points = 100 %. Rates are held as integers so no float enters a tax sum. */
export const BASIS_POINTS = 10_000;
/** Rounds num/den (both non-negative, den > 0) to the nearest integer, halves up. */
export function divideHalfUp(num, den) {
    return (2n * num + den) / (2n * den);
}
/**
 * The tax contained in a tax-inclusive amount: gross × rate / (10 000 + rate), rounded half
 * up, once per line. Prices in the shop are tax-inclusive, so tax never changes the total;
 * it only says how much of it is tax. The result is never more than `gross`.
 */
export function includedTax(gross, rateBp) {
    if (!Number.isSafeInteger(rateBp) || rateBp < 0)
        throw new RangeError(`includedTax: bad rate ${rateBp}`);
    if (gross.minor < 0)
        throw new RangeError("includedTax: negative gross");
    const tax = divideHalfUp(BigInt(gross.minor) * BigInt(rateBp), BigInt(BASIS_POINTS + rateBp));
    return money(Number(tax), gross.currency);
}
/**
 * A percentage (in basis points) of an amount, rounded half up. Used for percentage coupons.
 */
export function percentOf(amount, rateBp) {
    if (!Number.isSafeInteger(rateBp) || rateBp < 0)
        throw new RangeError(`percentOf: bad rate ${rateBp}`);
    if (amount.minor < 0)
        throw new RangeError("percentOf: negative amount");
    return money(Number(divideHalfUp(BigInt(amount.minor) * BigInt(rateBp), BigInt(BASIS_POINTS))), amount.currency);
}
//# sourceMappingURL=tax.js.map