import { money, type Money } from "../money/money.js";
import { BASIS_POINTS, divideHalfUp } from "../money/tax.js";

/** Largest cut a bulk price change may make: −90 %, so no price falls to nothing by a slip of the finger. */
export const MIN_PRICE_CHANGE_BP = -9_000;
/** Largest rise: +1000 %. */
export const MAX_PRICE_CHANGE_BP = 100_000;

/**
 * A price moved by `changeBp` basis points (+1000 = +10 %), rounded half up to the minor unit
 * and never below one minor unit. The admin's preview and the bulk change both call this, so
 * what was previewed is what is applied.
 */
export function changePrice(price: Money, changeBp: number): Money {
  if (!Number.isSafeInteger(changeBp) || changeBp < MIN_PRICE_CHANGE_BP || changeBp > MAX_PRICE_CHANGE_BP) {
    throw new RangeError(`changePrice: bad change ${changeBp}`);
  }
  if (!Number.isSafeInteger(price.minor) || price.minor < 1) throw new RangeError("changePrice: a price is at least one minor unit");
  const next = divideHalfUp(BigInt(price.minor) * BigInt(BASIS_POINTS + changeBp), BigInt(BASIS_POINTS));
  return money(Math.max(1, Number(next)), price.currency);
}
