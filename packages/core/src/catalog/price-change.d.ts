import { type Money } from "../money/money.js";
/** Largest cut a bulk price change may make: −90 %, so no price falls to nothing by a slip of the finger. */
export declare const MIN_PRICE_CHANGE_BP = -9000;
/** Largest rise: +1000 %. */
export declare const MAX_PRICE_CHANGE_BP = 100000;
/**
 * A price moved by `changeBp` basis points (+1000 = +10 %), rounded half up to the minor unit
 * and never below one minor unit. The admin's preview and the bulk change both call this, so
 * what was previewed is what is applied.
 */
export declare function changePrice(price: Money, changeBp: number): Money;
//# sourceMappingURL=price-change.d.ts.map