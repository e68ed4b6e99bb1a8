import { describe, expect, it } from "vitest";
import { inr } from "../testing/builders.js";
import { fixFor } from "./fixes.js";
describe("fixFor", () => {
    it("offers one fix for every kind of problem", () => {
        expect(fixFor({ code: "EMPTY_CART" })).toEqual({ action: "addItems" });
        expect(fixFor({ code: "PRICE_CHANGED", variantId: "v1", sku: "S", was: inr(1), now: inr(2) })).toEqual({ action: "acceptPrice", variantId: "v1" });
        expect(fixFor({ code: "OUT_OF_STOCK", variantId: "v1", sku: "S", requested: 5, available: 2 })).toEqual({
            action: "updateQuantity",
            variantId: "v1",
            quantity: 2,
        });
        expect(fixFor({ code: "OUT_OF_STOCK", variantId: "v1", sku: "S", requested: 5, available: 0 })).toEqual({ action: "remove", variantId: "v1" });
        expect(fixFor({ code: "VARIANT_UNAVAILABLE", variantId: "v1" })).toEqual({ action: "remove", variantId: "v1" });
        expect(fixFor({ code: "PRODUCT_INACTIVE", variantId: "v2", sku: "S" })).toEqual({ action: "remove", variantId: "v2" });
        expect(fixFor({ code: "CURRENCY_MISMATCH", variantId: "v3", sku: "S" })).toEqual({ action: "remove", variantId: "v3" });
        expect(fixFor({ code: "COUPON_INVALID", couponCode: "X", reason: "expired" })).toEqual({ action: "removeCoupon" });
        expect(fixFor({ code: "DELIVERY_OPTION_UNAVAILABLE", deliveryOptionId: "drone" })).toEqual({ action: "chooseDeliveryOption" });
    });
});
//# sourceMappingURL=fixes.test.js.map