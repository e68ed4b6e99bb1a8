import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, makeCart, makeCoupon, makeProduct, makeSettings, makeVariant, T0 } from "../testing/builders.js";
import { reviewCart } from "./review.js";
function entry(id, overrides = {}, productActive = true) {
    const variant = makeVariant({ id, sku: `SKU-${id}`, ...overrides });
    return [id, { product: makeProduct({ active: productActive, variants: [variant] }), variant }];
}
const context = (entries, extra = {}) => ({
    entries: new Map(entries),
    coupon: null,
    customerCouponUses: 0,
    deliveryOptionId: "standard",
    settings: makeSettings(),
    now: T0,
    ...extra,
});
const line = (variantId, quantity, minor = 129900) => ({ variantId, quantity, unitPrice: inr(minor) });
describe("reviewCart", () => {
    it("passes a sound cart and prices it", () => {
        const review = reviewCart(makeCart([line("v1", 2)]), context([entry("v1")]));
        expect(review.problems).toEqual([]);
        expect(review.totals.subtotal).toEqual(inr(259800));
        expect(review.totals.lines[0]?.name).toBe("Cotton Kurta — Blue / M");
    });
    it("returns every problem at once", () => {
        const cart = makeCart([line("gone", 1), line("off", 1), line("usd", 1), line("few", 5), line("dear", 1, 100)], { couponCode: "NOPE" });
        const review = reviewCart(cart, context([
            entry("off", {}, false),
            entry("usd", { price: money(100, "USD") }),
            entry("few", { stock: { onHand: 4, reserved: 1 } }),
            entry("dear", { price: inr(200) }),
        ], { deliveryOptionId: "drone" }));
        expect(review.problems).toEqual([
            { code: "VARIANT_UNAVAILABLE", variantId: "gone" },
            { code: "PRODUCT_INACTIVE", variantId: "off", sku: "SKU-off" },
            { code: "CURRENCY_MISMATCH", variantId: "usd", sku: "SKU-usd" },
            { code: "OUT_OF_STOCK", variantId: "few", sku: "SKU-few", requested: 5, available: 3 },
            { code: "PRICE_CHANGED", variantId: "dear", sku: "SKU-dear", was: inr(100), now: inr(200) },
            { code: "DELIVERY_OPTION_UNAVAILABLE", deliveryOptionId: "drone" },
            { code: "COUPON_INVALID", couponCode: "NOPE", reason: "not_found" },
        ]);
        expect(review.totals.lines.map((l) => l.variantId)).toEqual(["few", "dear"]);
    });
    it("reports an empty cart", () => {
        expect(reviewCart(makeCart(), context([])).problems).toEqual([{ code: "EMPTY_CART" }]);
    });
    it("uses the product name alone for an unnamed variant", () => {
        expect(reviewCart(makeCart([line("v1", 1)]), context([entry("v1", { name: "" })])).totals.lines[0]?.name).toBe("Cotton Kurta");
    });
    it("applies a valid coupon and reports an invalid one without applying it", () => {
        const cart = makeCart([line("v1", 1)], { couponCode: "WELCOME10" });
        const applied = reviewCart(cart, context([entry("v1")], { coupon: makeCoupon() }));
        expect(applied.problems).toEqual([]);
        expect(applied.totals.discount).toEqual(inr(12990));
        const refused = reviewCart(cart, context([entry("v1")], { coupon: makeCoupon({ minOrder: inr(200000) }) }));
        expect(refused.problems).toEqual([{ code: "COUPON_INVALID", couponCode: "WELCOME10", reason: "minimum_not_met" }]);
        expect(refused.totals.discount).toEqual(inr(0));
    });
    it("treats a store without delivery options as a bug", () => {
        expect(() => reviewCart(makeCart([line("v1", 1)]), context([entry("v1")], { settings: makeSettings({ deliveryOptions: [] }) }))).toThrow();
    });
});
//# sourceMappingURL=review.test.js.map