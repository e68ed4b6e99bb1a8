/**
 * The fix for one problem: a changed price is accepted, a short line is cut to what is left
 * (or removed when nothing is), an unsellable line is removed, an invalid coupon is dropped.
 */
export function fixFor(problem) {
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
//# sourceMappingURL=fixes.js.map