import { type Money } from "../money/money.js";
import type { Totals } from "./pricing.js";
/** One row of a receipt that counts towards its total; `amount` is signed (a discount is negative). */
export type ReceiptRow = {
    readonly kind: "line";
    readonly variantId: string;
    readonly label: string;
    readonly quantity: number;
    /** The list price the line was priced at, before any discount. */
    readonly unitPrice: Money;
    /** unitPrice × quantity. */
    readonly amount: Money;
} | {
    readonly kind: "discount";
    readonly label: string;
    readonly amount: Money;
} | {
    readonly kind: "delivery";
    readonly label: string;
    readonly amount: Money;
};
/**
 * What every page, email and API answer shows for a cart or an order. Invariant
 * (property-tested): the amounts of `rows` add up to `total` exactly. Prices include tax, so
 * `taxIncluded` is the part of those rows that is tax: shown beside them, never added again.
 */
export interface Receipt {
    readonly rows: readonly ReceiptRow[];
    readonly total: Money;
    readonly taxIncluded: Money;
}
/**
 * The receipt of priced totals: each line at list price × quantity, then the coupon's discount
 * as one negative row, then delivery. Lines are shown undiscounted because the discount has its
 * own row — showing discounted lines and the discount again is the double count this prevents.
 * An empty cart has no delivery row (nothing is delivered).
 */
export declare function receiptOf(totals: Totals): Receipt;
/** The receipt as plain-text lines for emails and SMS-free channels: one row per line, then the total. */
export declare function receiptText(receipt: Receipt): string[];
//# sourceMappingURL=receipt.d.ts.map