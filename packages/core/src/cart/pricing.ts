import { allocate } from "../money/allocate.js";
import { add, multiply, subtract, sum, zero, money, type CurrencyCode, type Money, type MoneyError } from "../money/money.js";
import { includedTax } from "../money/tax.js";
import { err, expectOk, ok, type Result } from "../result.js";
import type { DeliveryOption } from "../settings/settings.js";
import { couponDiscount, type Coupon } from "./coupon.js";

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
export function deliveryFee(option: DeliveryOption, discountedSubtotal: Money): Money {
  const free = option.freeOverMinor !== null && discountedSubtotal.minor >= option.freeOverMinor;
  return money(free ? 0 : option.feeMinor, discountedSubtotal.currency);
}

/**
 * Prices lines: line subtotals, the coupon discount spread over lines in proportion to their
 * subtotals with `allocate` (no paisa lost), delivery, and the tax included in each line's
 * discounted total, rounded half up per line; no lines, no delivery fee. The coupon must already have passed
 * `checkCoupon`. Refuses lines in another currency and amounts beyond the safe range.
 */
export function priceLines(input: {
  readonly currency: CurrencyCode;
  readonly lines: readonly PricingLine[];
  readonly coupon: Coupon | null;
  readonly delivery: DeliveryOption;
}): Result<Totals, MoneyError> {
  const { currency } = input;
  const subtotals: Money[] = [];
  for (const line of input.lines) {
    if (line.unitPrice.currency !== currency) {
      return err({ code: "CURRENCY_MISMATCH", expected: currency, actual: line.unitPrice.currency });
    }
    const lineSubtotal = multiply(line.unitPrice, line.quantity);
    if (!lineSubtotal.ok) return lineSubtotal;
    subtotals.push(lineSubtotal.value);
  }
  const subtotal = sum(currency, subtotals);
  if (!subtotal.ok) return subtotal;
  const discount = input.coupon && input.lines.length > 0 ? couponDiscount(input.coupon, subtotal.value) : zero(currency);
  const discounts = input.lines.length > 0 ? allocate(discount, subtotals.map((s) => s.minor)) : [];
  const lines = input.lines.map((line, i): PricedLine => {
    const lineSubtotal = subtotals[i] ?? zero(currency);
    const lineDiscount = discounts[i] ?? zero(currency);
    const total = expectOk(subtract(lineSubtotal, lineDiscount), "priceLines");
    return { ...line, subtotal: lineSubtotal, discount: lineDiscount, total, tax: includedTax(total, line.taxRateBp) };
  });
  const discounted = expectOk(subtract(subtotal.value, discount), "priceLines");
  // Nothing to deliver, nothing to charge: an empty cart (e.g. the tab whose order was placed in another) totals zero.
  const fee = input.lines.length > 0 ? deliveryFee(input.delivery, discounted) : zero(currency);
  const total = add(discounted, fee);
  if (!total.ok) return total;
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
