import { describe, expect, it } from "vitest";
import { inr, makeCoupon, makePricingLine } from "../testing/builders.js";
import { priceLines } from "./pricing.js";
import { receiptOf, receiptText } from "./receipt.js";
const standard = { id: "standard", label: "Standard", feeMinor: 4900, freeOverMinor: 49900, etaDays: { min: 3, max: 5 } };
function price(lines, coupon = null, delivery = standard) {
    const result = priceLines({ currency: "INR", lines, coupon, delivery });
    if (!result.ok)
        throw new Error(JSON.stringify(result.error));
    return result.value;
}
const sumOf = (amounts) => amounts.reduce((total, amount) => total + amount.minor, 0);
describe("receipt", () => {
    it("shows lines at list price × quantity and the discount once (the WELCOME10 double count)", () => {
        const totals = price([
            makePricingLine({ variantId: "a", name: "Ghee", quantity: 1, unitPrice: inr(42783) }),
            makePricingLine({ variantId: "b", name: "Rice", quantity: 3, unitPrice: inr(72306) }),
        ], makeCoupon({ kind: "fixed", amount: inr(20000) }));
        const receipt = receiptOf(totals);
        expect(receipt.rows.map((row) => [row.kind, row.amount.minor])).toEqual([
            ["line", 42783],
            ["line", 216918],
            ["discount", -20000],
            ["delivery", 0],
        ]);
        expect(sumOf(receipt.rows.map((row) => row.amount))).toBe(receipt.total.minor);
        expect(receipt.rows[2]?.label).toBe("Discount (WELCOME10)");
        expect(receipt.taxIncluded).toEqual(totals.tax);
    });
    it("has no delivery row and a zero total for an empty cart", () => {
        const receipt = receiptOf(price([], makeCoupon()));
        expect(receipt.rows).toEqual([]);
        expect(receipt.total).toEqual(inr(0));
    });
    it("renders as text lines that name the quantity, list price and signed amounts", () => {
        const receipt = receiptOf(price([makePricingLine({ name: "Tea", quantity: 2, unitPrice: inr(10000) })], makeCoupon({ kind: "fixed", amount: inr(1500) })));
        const text = receiptText(receipt).join("\n");
        expect(text).toContain("2 × Tea @ ₹100.00: ₹200.00");
        expect(text).toContain("Discount (WELCOME10): − ₹15.00");
        expect(text).toContain("Delivery: ₹49.00");
        expect(text).toContain("Total: ₹234.00");
    });
});
//# sourceMappingURL=receipt.test.js.map