import type { CartProblem } from "./review.js";

/**
 * What the shopper can do about a cart problem, named by the cart procedure that does it and
 * the input to send, so a page can offer one button per problem without knowing the rules.
 */
export type CartFix =
  | { readonly action: "acceptPrice"; readonly variantId: string }
  | { readonly action: "updateQuantity"; readonly variantId: string; readonly quantity: number }
  | { readonly action: "remove"; readonly variantId: string }
  | { readonly action: "removeCoupon" }
  | { readonly action: "chooseDeliveryOption" }
  | { readonly action: "addItems" };

/**
 * The fix for one problem: a changed price is accepted, a short line is cut to what is left
 * (or removed when nothing is), an unsellable line is removed, an invalid coupon is dropped.
 */
export function fixFor(problem: CartProblem): CartFix {
  switch (problem.code) {
    case "EMPTY_CART":
      return { action: "addItems" };
    case "PRICE_CHANGED":
      return { action: "acceptPrice", variantId: problem.variantId };
    case "OUT_OF_STOCK":
      return problem.available > 0
        ? { action: "updateQuantity", variantId: problem.variantId, quantity: problem.available }
        : { action: "remove", variantId: problem.variantId };
    case "VARIANT_UNAVAILABLE":
    case "PRODUCT_INACTIVE":
    case "CURRENCY_MISMATCH":
      return { action: "remove", variantId: problem.variantId };
    case "COUPON_INVALID":
      return { action: "removeCoupon" };
    case "DELIVERY_OPTION_UNAVAILABLE":
      return { action: "chooseDeliveryOption" };
  }
}
