import { type CurrencyCode, type Money, type MoneyError } from "../money/money.js";
import { type Result } from "../result.js";
import type { DeliveryOption } from "../settings/settings.js";
import { type Coupon } from "./coupon.js";
/** What pricing needs to know about one line: resolved from the catalog, current price. */
export interface PricingLine {
    readonly variantId: string;
    readonly productId: string;
    readonly sku: string;
    readonly name: string;
    readonly quantity: number;
    /** Tax-inclusive unit price. */
    readonly unitPrice: Money;
    readonly taxRateBp: number;
}
/**
 * A line with its final amounts, kept on the order so refunds are computed from what was
 * actually charged: total = subtotal − discount, and tax is the part of total that is tax.
 */
export interface PricedLine extends PricingLine {
    readonly subtotal: Money;
    readonly discount: Money;
    readonly total: Money;
    readonly tax: Money;
}
/**
 * Cart or order totals. Invariants (property-tested): subtotal = Σ line subtotals,
 * discount = Σ line discounts, tax = Σ line taxes, total = Σ line totals + deliveryFee
 * = subtotal − discount + deliveryFee ≥ 0.
 */
export interface Totals {
    readonly currency: CurrencyCode;
    readonly lines: readonly PricedLine[];
    readonly subtotal: Money;
    readonly discount: Money;
    readonly deliveryFee: Money;
    readonly tax: Money;
    readonly total: Money;
    readonly couponCode: string | null;
    readonly deliveryOptionId: string;
}
/** Fee of a delivery option for a discounted subtotal: waived at or above its threshold. */
export declare function deliveryFee(option: DeliveryOption, discountedSubtotal: Money): Money;
/**
 * Prices lines: line subtotals, the coupon discount spread over lines in proportion to their
 * subtotals with `allocate` (no paisa lost), delivery, and the tax included in each line's
 * discounted total, rounded half up per line; no lines, no delivery fee. The coupon must already have passed
 * `checkCoupon`. Refuses lines in another currency and amounts beyond the safe range.
 */
export declare function priceLines(input: {
    readonly currency: CurrencyCode;
    readonly lines: readonly PricingLine[];
    readonly coupon: Coupon | null;
    readonly delivery: DeliveryOption;
}): Result<Totals, MoneyError>;
//# sourceMappingURL=pricing.d.ts.map