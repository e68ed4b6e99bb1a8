import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, makeCoupon, makePricingLine } from "../testing/builders.js";
import { deliveryFee, priceLines } from "./pricing.js";
import { receiptOf } from "./receipt.js";
const standard = { id: "standard", label: "Standard", feeMinor: 4900, freeOverMinor: 49900, etaDays: { min: 3, max: 5 } };
const express = { id: "express", label: "Express", feeMinor: 14900, freeOverMinor: null, etaDays: { min: 1, max: 2 } };
function price(lines = [makePricingLine()], coupon = null, delivery = standard) {
    const result = priceLines({ currency: "INR", lines, coupon, delivery });
    if (!result.ok)
        throw new Error(JSON.stringify(result.error));
    return result.value;
}
describe("pricing", () => {
    it("prices a simple cart: tax is included, delivery free above the threshold", () => {
        const totals = price([makePricingLine({ quantity: 2, unitPrice: inr(11800) })]);
        expect(totals.subtotal).toEqual(inr(23600));
        expect(totals.discount).toEqual(inr(0));
        expect(totals.deliveryFee).toEqual(inr(4900));
        expect(totals.tax).toEqual(inr(3600));
        expect(totals.total).toEqual(inr(28500));
        expect(price([makePricingLine({ unitPrice: inr(49900) })]).deliveryFee).toEqual(inr(0));
        expect(price([makePricingLine({ unitPrice: inr(49900) })], null, express).deliveryFee).toEqual(inr(14900));
    });
    it("spreads a coupon discount over lines in proportion, with tax on the discounted line totals", () => {
        const totals = price([
            makePricingLine({ variantId: "a", unitPrice: inr(10000), taxRateBp: 1800 }),
            makePricingLine({ variantId: "b", unitPrice: inr(30000), taxRateBp: 500 }),
        ], makeCoupon({ kind: "fixed", amount: inr(1000) }));
        expect(totals.lines.map((l) => l.discount.minor)).toEqual([250, 750]);
        expect(totals.lines.map((l) => l.total.minor)).toEqual([9750, 29250]);
        // 9750 × 1800/11800 = 1487.28 → 1487; 29250 × 500/10500 = 1392.86 → 1393
        expect(totals.lines.map((l) => l.tax.minor)).toEqual([1487, 1393]);
        expect(totals.couponCode).toBe("WELCOME10");
        expect(totals.deliveryFee).toEqual(inr(4900)); // 39000 after discount is under 49900
    });
    it("waives delivery by the discounted subtotal", () => {
        expect(deliveryFee(standard, inr(49899))).toEqual(inr(4900));
        expect(deliveryFee(standard, inr(49900))).toEqual(inr(0));
    });
    it("prices an empty cart at zero: no coupon, no delivery fee", () => {
        const totals = price([], makeCoupon());
        expect(totals.lines).toEqual([]);
        expect(totals.discount).toEqual(inr(0));
        expect(totals.deliveryFee).toEqual(inr(0));
        expect(totals.total).toEqual(inr(0));
    });
    it("refuses a line in another currency and amounts out of range", () => {
        expect(priceLines({ currency: "INR", lines: [makePricingLine({ unitPrice: money(100, "USD") })], coupon: null, delivery: standard })).toEqual({
            ok: false,
            error: { code: "CURRENCY_MISMATCH", expected: "INR", actual: "USD" },
        });
        const huge = makePricingLine({ unitPrice: inr(Number.MAX_SAFE_INTEGER), quantity: 2 });
        expect(priceLines({ currency: "INR", lines: [huge], coupon: null, delivery: standard }).ok).toBe(false);
        const nearMax = [makePricingLine({ unitPrice: inr(Number.MAX_SAFE_INTEGER - 10) }), makePricingLine({ unitPrice: inr(20) })];
        expect(priceLines({ currency: "INR", lines: nearMax, coupon: null, delivery: standard }).ok).toBe(false);
        const noRoomForDelivery = [makePricingLine({ unitPrice: inr(Number.MAX_SAFE_INTEGER - 10) })];
        expect(priceLines({ currency: "INR", lines: noRoomForDelivery, coupon: null, delivery: express }).ok).toBe(false);
    });
    it("makes discounts, tax and the receipt rows of any cart add up to the total exactly (property)", () => {
        const line = fc.record({
            quantity: fc.integer({ min: 1, max: 99 }),
            unit: fc.integer({ min: 0, max: 10_000_000 }),
            taxRateBp: fc.constantFrom(0, 500, 1200, 1800, 2800),
        });
        const coupon = fc.oneof(fc.constant(null), fc
            .tuple(fc.integer({ min: 1, max: 10000 }), fc.option(fc.integer({ min: 1, max: 10_000_000 })))
            .map(([bp, cap]) => makeCoupon({ percentBp: bp, maxDiscount: cap === null ? null : inr(cap) })), fc.integer({ min: 1, max: 50_000_000 }).map((minor) => makeCoupon({ kind: "fixed", amount: inr(minor) })));
        const anyDelivery = fc.record({
            id: fc.constant("any"),
            label: fc.constant("Any"),
            feeMinor: fc.integer({ min: 0, max: 100_000 }),
            freeOverMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
            etaDays: fc.constant({ min: 1, max: 2 }),
        });
        fc.assert(fc.property(fc.array(line, { maxLength: 12 }), coupon, fc.oneof(fc.constantFrom(standard, express), anyDelivery), (specs, c, delivery) => {
            const lines = specs.map((s, i) => makePricingLine({ variantId: `v${i}`, quantity: s.quantity, unitPrice: inr(s.unit), taxRateBp: s.taxRateBp }));
            const t = price(lines, c, delivery);
            const total = (xs) => xs.reduce((a, x) => a + x.minor, 0);
            expect(total(t.lines.map((l) => l.subtotal))).toBe(t.subtotal.minor);
            expect(total(t.lines.map((l) => l.discount))).toBe(t.discount.minor);
            expect(total(t.lines.map((l) => l.tax))).toBe(t.tax.minor);
            expect(total(t.lines.map((l) => l.total)) + t.deliveryFee.minor).toBe(t.total.minor);
            expect(t.subtotal.minor - t.discount.minor + t.deliveryFee.minor).toBe(t.total.minor);
            for (const l of t.lines) {
                expect(l.discount.minor).toBeGreaterThanOrEqual(0);
                expect(l.discount.minor).toBeLessThanOrEqual(l.subtotal.minor);
                expect(l.tax.minor).toBeLessThanOrEqual(l.total.minor);
            }
            expect(t.total.minor).toBeGreaterThanOrEqual(0);
            if (lines.length === 0)
                expect(t.total.minor).toBe(0);
            // What every page and email shows: lines at list price × quantity, discount, delivery — adding up to the total.
            const receipt = receiptOf(t);
            expect(total(receipt.rows.map((row) => row.amount))).toBe(receipt.total.minor);
            expect(receipt.total).toEqual(t.total);
            expect(receipt.rows.filter((row) => row.kind === "line")).toHaveLength(lines.length);
            for (const row of receipt.rows) {
                if (row.kind === "line")
                    expect(row.amount.minor).toBe(row.unitPrice.minor * row.quantity);
                if (row.kind === "discount")
                    expect(row.amount.minor).toBeLessThan(0);
            }
        }));
    });
});
//# sourceMappingURL=pricing.test.js.map