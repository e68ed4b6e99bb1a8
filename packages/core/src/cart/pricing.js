import { allocate } from "../money/allocate.js";
import { add, multiply, subtract, sum, zero, money } from "../money/money.js";
import { includedTax } from "../money/tax.js";
import { err, expectOk, ok } from "../result.js";
import { couponDiscount } from "./coupon.js";
/** Fee of a delivery option for a discounted subtotal: waived at or above its threshold. */
export function deliveryFee(option, discountedSubtotal) {
    const free = option.freeOverMinor !== null && discountedSubtotal.minor >= option.freeOverMinor;
    return money(free ? 0 : option.feeMinor, discountedSubtotal.currency);
}
/**
 * Prices lines: line subtotals, the coupon discount spread over lines in proportion to their
 * subtotals with `allocate` (no paisa lost), delivery, and the tax included in each line's
 * discounted total, rounded half up per line; no lines, no delivery fee. The coupon must already have passed
 * `checkCoupon`. Refuses lines in another currency and amounts beyond the safe range.
 */
export function priceLines(input) {
    const { currency } = input;
    const subtotals = [];
    for (const line of input.lines) {
        if (line.unitPrice.currency !== currency) {
            return err({ code: "CURRENCY_MISMATCH", expected: currency, actual: line.unitPrice.currency });
        }
        const lineSubtotal = multiply(line.unitPrice, line.quantity);
        if (!lineSubtotal.ok)
            return lineSubtotal;
        subtotals.push(lineSubtotal.value);
    }
    const subtotal = sum(currency, subtotals);
    if (!subtotal.ok)
        return subtotal;
    const discount = input.coupon && input.lines.length > 0 ? couponDiscount(input.coupon, subtotal.value) : zero(currency);
    const discounts = input.lines.length > 0 ? allocate(discount, subtotals.map((s) => s.minor)) : [];
    const lines = input.lines.map((line, i) => {
        const lineSubtotal = subtotals[i] ?? zero(currency);
        const lineDiscount = discounts[i] ?? zero(currency);
        const total = expectOk(subtract(lineSubtotal, lineDiscount), "priceLines");
        return { ...line, subtotal: lineSubtotal, discount: lineDiscount, total, tax: includedTax(total, line.taxRateBp) };
    });
    const discounted = expectOk(subtract(subtotal.value, discount), "priceLines");
    // Nothing to deliver, nothing to charge: an empty cart (e.g. the tab whose order was placed in another) totals zero.
    const fee = input.lines.length > 0 ? deliveryFee(input.delivery, discounted) : zero(currency);
    const total = add(discounted, fee);
    if (!total.ok)
        return total;
    return ok({
        currency,
        lines,
        subtotal: subtotal.value,
        discount,
        deliveryFee: fee,
        tax: expectOk(sum(currency, lines.map((l) => l.tax)), "priceLines"),
        total: total.value,
        couponCode: input.coupon?.code ?? null,
        deliveryOptionId: input.delivery.id,
    });
}
//# sourceMappingURL=pricing.js.map