import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { makeProduct, makeVariant } from "../testing/builders.js";
import { isInStock, isPurchasable, priceRange, slugify, taxRateFor } from "./catalog.js";
describe("catalog", () => {
    it("sells only active variants of active products", () => {
        const product = makeProduct();
        const variant = makeVariant();
        expect(isPurchasable({ product, variant })).toBe(true);
        expect(isPurchasable({ product: makeProduct({ active: false }), variant })).toBe(false);
        expect(isPurchasable({ product, variant: makeVariant({ active: false }) })).toBe(false);
    });
    it("is in stock when an active variant has an unreserved unit", () => {
        expect(isInStock(makeProduct({ variants: [makeVariant({ stock: { onHand: 2, reserved: 2 } })] }))).toBe(false);
        expect(isInStock(makeProduct({ variants: [makeVariant({ active: false, stock: { onHand: 2, reserved: 0 } })] }))).toBe(false);
        expect(isInStock(makeProduct({ variants: [makeVariant({ stock: { onHand: 3, reserved: 2 } })] }))).toBe(true);
    });
    it("uses the product's own tax rate before the store's", () => {
        expect(taxRateFor(makeProduct({ taxRateBp: 500 }), 1800)).toBe(500);
        expect(taxRateFor(makeProduct({ taxRateBp: null }), 1800)).toBe(1800);
    });
    it("ranges prices over active variants", () => {
        const product = makeProduct({
            variants: [
                makeVariant({ id: "a", price: money(900, "INR") }),
                makeVariant({ id: "b", price: money(300, "INR") }),
                makeVariant({ id: "c", price: money(1200, "INR") }),
                makeVariant({ id: "d", price: money(50, "INR"), active: false }),
            ],
        });
        expect(priceRange(product)).toEqual({ min: money(300, "INR"), max: money(1200, "INR") });
        expect(priceRange(makeProduct({ variants: [] }))).toBeNull();
    });
    it("slugifies names", () => {
        expect(slugify("  Cotton Kurta – Blue! ")).toBe("cotton-kurta-blue");
        expect(slugify("Café Crème")).toBe("cafe-creme");
    });
});
//# sourceMappingURL=catalog.test.js.map