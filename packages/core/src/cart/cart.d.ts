import type { CurrencyCode, Money } from "../money/money.js";
import { type Result } from "../result.js";
/** The most of one variant a single order may hold; keeps line totals far from overflow. */
export declare const MAX_LINE_QUANTITY = 99;
/** One variant in the cart; the price is what the shopper last saw, to detect changes. */
export interface CartLine {
    readonly variantId: string;
    readonly quantity: number;
    readonly unitPrice: Money;
}
/** A server-side cart, owned by a signed-in shopper (`userId`) or a guest (`guestId`). */
export interface Cart {
    readonly id: string;
    readonly userId: string | null;
    readonly guestId: string | null;
    readonly currency: CurrencyCode;
    /** At most one line per variant. */
    readonly lines: readonly CartLine[];
    readonly couponCode: string | null;
    readonly updatedAt: Date;
}
export type CartError = {
    readonly code: "QUANTITY_LIMIT";
    readonly variantId: string;
    readonly max: number;
} | {
    readonly code: "NOT_IN_CART";
    readonly variantId: string;
};
/**
 * Adds units of a variant. Adding a variant already in the cart increases that line, so the
 * same variant is always one line, and the line keeps the price the shopper last accepted: a
 * price change since then stays a PRICE_CHANGED problem until they accept it (`acceptPrice`),
 * rather than being taken silently because more units were added. Refused beyond `MAX_LINE_QUANTITY`.
 */
export declare function addItem(cart: Cart, item: CartLine, now: Date): Result<Cart, CartError>;
/** Sets a line's quantity; zero removes the line. */
export declare function setQuantity(cart: Cart, variantId: string, quantity: number, now: Date): Result<Cart, CartError>;
/** Removes a variant's line; removing what is not there changes nothing but the time. */
export declare function removeItem(cart: Cart, variantId: string, now: Date): Cart;
/** Coupon codes are case-insensitive; stored upper-case. */
export declare function normalizeCouponCode(code: string): string;
/** Attaches a coupon code (checked when the cart is reviewed) or, with null, removes it. */
export declare function setCoupon(cart: Cart, code: string | null, now: Date): Cart;
/** After the shopper saw a price change, the line takes the current price. */
export declare function acceptPrice(cart: Cart, variantId: string, price: Money, now: Date): Cart;
/**
 * A guest cart merging into the shopper's cart at login: quantities of the same variant add
 * up, capped at what is available to sell (`available`, by variant id; a variant missing from
 * it has nothing to sell) and at `MAX_LINE_QUANTITY`; a guest line left with nothing is
 * dropped. The shopper's own lines that the guest did not touch stay as they were, and the
 * shopper's coupon wins over the guest's.
 */
export declare function mergeCarts(userCart: Cart, guestCart: Cart, context: {
    readonly now: Date;
    readonly available: ReadonlyMap<string, number>;
}): Cart;
//# sourceMappingURL=cart.d.ts.map