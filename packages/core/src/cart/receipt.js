import { formatMoney, money } from "../money/money.js";
/**
 * The receipt of priced totals: each line at list price × quantity, then the coupon's discount
 * as one negative row, then delivery. Lines are shown undiscounted because the discount has its
 * own row — showing discounted lines and the discount again is the double count this prevents.
 * An empty cart has no delivery row (nothing is delivered).
 */
export function receiptOf(totals) {
    const rows = totals.lines.map((line) => ({
        kind: "line",
        variantId: line.variantId,
        label: line.name,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.subtotal,
    }));
    if (totals.discount.minor !== 0) {
        rows.push({
            kind: "discount",
            label: totals.couponCode ? `Discount (${totals.couponCode})` : "Discount",
            amount: money(-totals.discount.minor, totals.currency),
        });
    }
    if (totals.lines.length > 0)
        rows.push({ kind: "delivery", label: "Delivery", amount: totals.deliveryFee });
    return { rows, total: totals.total, taxIncluded: totals.tax };
}
/** The receipt as plain-text lines for emails and SMS-free channels: one row per line, then the total. */
export function receiptText(receipt) {
    const row = (r) => {
        const label = r.kind === "line" ? `${r.quantity} × ${r.label} @ ${formatMoney(r.unitPrice)}` : r.label;
        const amount = r.amount.minor < 0 ? `− ${formatMoney(money(-r.amount.minor, r.amount.currency))}` : formatMoney(r.amount);
        return `${label}: ${amount}`;
    };
    return [...receipt.rows.map(row), `Total: ${formatMoney(receipt.total)}`, `(includes ${formatMoney(receipt.taxIncluded)} tax)`];
}
//# sourceMappingURL=receipt.js.map