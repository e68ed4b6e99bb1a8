import { type CatalogEntry } from "../catalog/catalog.js";
import type { Money } from "../money/money.js";
import { type StoreSettings } from "../settings/settings.js";
import type { Cart } from "./cart.js";
import { type Coupon, type CouponRejectionReason } from "./coupon.js";
import { type Totals } from "./pricing.js";
/** Everything that can be wrong with a cart, each a value the shopper can act on. */
export type CartProblem = {
    readonly code: "EMPTY_CART";
} | {
    readonly code: "VARIANT_UNAVAILABLE";
    readonly variantId: string;
} | {
    readonly code: "PRODUCT_INACTIVE";
    readonly variantId: string;
    readonly sku: string;
} | {
    readonly code: "CURRENCY_MISMATCH";
    readonly variantId: string;
    readonly sku: string;
} | {
    readonly code: "OUT_OF_STOCK";
    readonly variantId: string;
    readonly sku: string;
    readonly requested: number;
    readonly available: number;
} | {
    readonly code: "PRICE_CHANGED";
    readonly variantId: string;
    readonly sku: string;
    readonly was: Money;
    readonly now: Money;
} | {
    readonly code: "COUPON_INVALID";
    readonly couponCode: string;
    readonly reason: CouponRejectionReason;
} | {
    readonly code: "DELIVERY_OPTION_UNAVAILABLE";
    readonly deliveryOptionId: string;
};
export interface CartReview {
    /** Empty means the cart can be checked out as it stands. */
    readonly problems: readonly CartProblem[];
    /** Totals over the sellable lines at current prices, with the coupon only if it is valid. */
    readonly totals: Totals;
}
export interface CartReviewContext {
    /** Catalog entries for the cart's variants; a missing id means the variant is gone. */
    readonly entries: ReadonlyMap<string, CatalogEntry>;
    /** The coupon named by `cart.couponCode`, or null when none exists under that code. */
    readonly coupon: Coupon | null;
    /** How often this shopper has redeemed that coupon. */
    readonly customerCouponUses: number;
    readonly deliveryOptionId: string;
    readonly settings: StoreSettings;
    readonly now: Date;
}
/**
 * Re-checks a cart against the live catalog: on every cart change and again at checkout.
 * Returns every problem at once (not just the first), and totals the shopper would pay for
 * what is still sellable. Checkout refuses unless `problems` is empty.
 */
export declare function reviewCart(cart: Cart, context: CartReviewContext): CartReview;
/** How a line is named on the cart, the order and the receipt: the product, then the variant if it has a name. */
export declare function lineName({ product, variant }: CatalogEntry): string;
//# sourceMappingURL=review.d.ts.map