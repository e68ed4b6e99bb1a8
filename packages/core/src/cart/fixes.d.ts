import type { CartProblem } from "./review.js";
/**
 * What the shopper can do about a cart problem, named by the cart procedure that does it and
 * the input to send, so a page can offer one button per problem without knowing the rules.
 */
export type CartFix = {
    readonly action: "acceptPrice";
    readonly variantId: string;
} | {
    readonly action: "updateQuantity";
    readonly variantId: string;
    readonly quantity: number;
} | {
    readonly action: "remove";
    readonly variantId: string;
} | {
    readonly action: "removeCoupon";
} | {
    readonly action: "chooseDeliveryOption";
} | {
    readonly action: "addItems";
};
/**
 * The fix for one problem: a changed price is accepted, a short line is cut to what is left
 * (or removed when nothing is), an unsellable line is removed, an invalid coupon is dropped.
 */
export declare function fixFor(problem: CartProblem): CartFix;
//# sourceMappingURL=fixes.d.ts.map