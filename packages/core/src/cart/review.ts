import { allOf } from "../enum.js";
import { isPurchasable, taxRateFor, type CatalogEntry } from "../catalog/catalog.js";
import { available } from "../inventory/stock.js";
import type { Money } from "../money/money.js";
import { expectOk } from "../result.js";
import { findDeliveryOption, type StoreSettings } from "../settings/settings.js";
import type { Cart } from "./cart.js";
import { checkCoupon, type Coupon, type CouponRejectionReason } from "./coupon.js";
import { priceLines, type PricingLine, type Totals } from "./pricing.js";

/** The kinds of cart problem: every `code` of `CartProblem` below, checked at compile time. */
export const CART_PROBLEM_CODES = allOf<CartProblem["code"]>()([
  "EMPTY_CART",
  "VARIANT_UNAVAILABLE",
  "PRODUCT_INACTIVE",
  "CURRENCY_MISMATCH",
  "OUT_OF_STOCK",
  "PRICE_CHANGED",
  "COUPON_INVALID",
  "DELIVERY_OPTION_UNAVAILABLE",
]);

/** Everything that can be wrong with a cart, each a value the shopper can act on. */
export type CartProblem =
  | { readonly code: "EMPTY_CART" }
  | { readonly code: "VARIANT_UNAVAILABLE"; readonly variantId: string }
  | { readonly code: "PRODUCT_INACTIVE"; readonly variantId: string; readonly sku: string }
  | { readonly code: "CURRENCY_MISMATCH"; readonly variantId: string; readonly sku: string }
  | {
      readonly code: "OUT_OF_STOCK";
      readonly variantId: string;
      readonly sku: string;
      readonly requested: number;
      readonly available: number;
    }
  | { readonly code: "PRICE_CHANGED"; readonly variantId: string; readonly sku: string; readonly was: Money; readonly now: Money }
  | { readonly code: "COUPON_INVALID"; readonly couponCode: string; readonly reason: CouponRejectionReason }
  | { readonly code: "DELIVERY_OPTION_UNAVAILABLE"; readonly deliveryOptionId: string };

export interface CartReview {
  /** Empty means the cart can be checked out as it stands. */
  readonly problems: readonly CartProblem[];
  /** Totals over the sellable lines at current prices, with the coupon only if it is valid. */
  readonly totals: Totals;
}

export interface CartReviewContext {
  /** Catalog entries for the cart's variants; a missing id means the variant is gone. */
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** The coupon named by `cart.couponCode`, or null when none exists under that code. */
  readonly coupon: Coupon | null;
  /** How often this shopper has redeemed that coupon. */
  readonly customerCouponUses: number;
  readonly deliveryOptionId: string;
  readonly settings: StoreSettings;
  readonly now: Date;
}

/**
 * Re-checks a cart against the live catalog: on every cart change and again at checkout.
 * Returns every problem at once (not just the first), and totals the shopper would pay for
 * what is still sellable. Checkout refuses unless `problems` is empty.
 */
export function reviewCart(cart: Cart, context: CartReviewContext): CartReview {
  const { settings } = context;
  const problems: CartProblem[] = cart.lines.length === 0 ? [{ code: "EMPTY_CART" }] : [];
  const lines: PricingLine[] = [];
  for (const line of cart.lines) {
    const entry = context.entries.get(line.variantId);
    if (!entry) {
      problems.push({ code: "VARIANT_UNAVAILABLE", variantId: line.variantId });
      continue;
    }
    const { product, variant } = entry;
    const sku = variant.sku;
    if (!isPurchasable(entry)) {
      problems.push({ code: "PRODUCT_INACTIVE", variantId: variant.id, sku });
      continue;
    }
    if (variant.price.currency !== settings.currency) {
      problems.push({ code: "CURRENCY_MISMATCH", variantId: variant.id, sku });
      continue;
    }
    const free = available(variant.stock);
    if (line.quantity > free) {
      problems.push({ code: "OUT_OF_STOCK", variantId: variant.id, sku, requested: line.quantity, available: free });
    }
    if (line.unitPrice.minor !== variant.price.minor || line.unitPrice.currency !== variant.price.currency) {
      problems.push({ code: "PRICE_CHANGED", variantId: variant.id, sku, was: line.unitPrice, now: variant.price });
    }
    lines.push({
      variantId: variant.id,
      productId: product.id,
      sku,
      name: lineName(entry),
      quantity: line.quantity,
      unitPrice: variant.price,
      taxRateBp: taxRateFor(product, settings.taxRateBp),
    });
  }
  const fallback = settings.deliveryOptions[0];
  if (!fallback) throw new Error("reviewCart: the store has no delivery options");
  const delivery = findDeliveryOption(settings, context.deliveryOptionId);
  if (!delivery) problems.push({ code: "DELIVERY_OPTION_UNAVAILABLE", deliveryOptionId: context.deliveryOptionId });
  const price = (coupon: Coupon | null) =>
    expectOk(priceLines({ currency: settings.currency, lines, coupon, delivery: delivery ?? fallback }), "reviewCart");
  const undiscounted = price(null);
  if (cart.couponCode === null) return { problems, totals: undiscounted };
  const coupon = validCoupon(cart.couponCode, undiscounted.subtotal, context, problems);
  return { problems, totals: coupon ? price(coupon) : undiscounted };
}

/** How a line is named on the cart, the order and the receipt: the product, then the variant if it has a name. */
export function lineName({ product, variant }: CatalogEntry): string {
  return variant.name ? `${product.name} — ${variant.name}` : product.name;
}

function validCoupon(code: string, subtotal: Money, context: CartReviewContext, problems: CartProblem[]): Coupon | null {
  if (!context.coupon) {
    problems.push({ code: "COUPON_INVALID", couponCode: code, reason: "not_found" });
    return null;
  }
  const checked = checkCoupon(context.coupon, { subtotal, now: context.now, customerUses: context.customerCouponUses });
  if (checked.ok) return checked.value;
  problems.push(checked.error);
  return null;
}
