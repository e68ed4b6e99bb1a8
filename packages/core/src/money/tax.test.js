import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "./money.js";
import { divideHalfUp, includedTax, percentOf } from "./tax.js";
const inr = (minor) => money(minor, "INR");
describe("tax", () => {
    it("rounds halves up", () => {
        expect(divideHalfUp(5n, 2n)).toBe(3n);
        expect(divideHalfUp(7n, 3n)).toBe(2n);
        expect(divideHalfUp(8n, 3n)).toBe(3n);
    });
    it("extracts the tax included in a tax-inclusive price", () => {
        // ₹118.00 at 18 % contains ₹18.00 of tax.
        expect(includedTax(inr(11800), 1800)).toEqual(inr(1800));
        // 100 × 1800 / 11800 = 15.25… → 15
        expect(includedTax(inr(100), 1800)).toEqual(inr(15));
        // 4630 × 500 / 10500 = 220.47… → 220
        expect(includedTax(inr(4630), 500)).toEqual(inr(220));
        expect(includedTax(inr(0), 1800)).toEqual(inr(0));
        expect(includedTax(inr(999), 0)).toEqual(inr(0));
    });
    it("rounds an exact half up", () => {
        // 11 × 10000 / 20000 = 5.5 → 6
        expect(includedTax(inr(11), 10000)).toEqual(inr(6));
        expect(percentOf(inr(5), 1000)).toEqual(inr(1)); // 0.5 → 1
    });
    it("refuses negative inputs and fractional rates as bugs", () => {
        expect(() => includedTax(inr(-1), 1800)).toThrow(RangeError);
        expect(() => includedTax(inr(1), 18.5)).toThrow(RangeError);
        expect(() => percentOf(inr(-1), 100)).toThrow(RangeError);
        expect(() => percentOf(inr(1), -100)).toThrow(RangeError);
    });
    it("takes a percentage in basis points", () => {
        expect(percentOf(inr(129900), 1000)).toEqual(inr(12990));
        expect(percentOf(inr(333), 3333)).toEqual(inr(111));
    });
    it("never exceeds the gross and is within half a unit of the exact value (property)", () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 40000 }), (gross, rate) => {
            const tax = includedTax(inr(gross), rate).minor;
            expect(tax).toBeLessThanOrEqual(gross);
            expect(Math.abs(tax - (gross * rate) / (10000 + rate))).toBeLessThanOrEqual(0.5 + 1e-3);
        }));
    });
});
//# sourceMappingURL=tax.test.js.map