import { available, fixFor, lineName, receiptOf, reviewCart, type Cart, type CartReview, type CatalogEntry, type Repositories, type StoreSettings } from "@bbscart/core";
import { loadSettings } from "../common/index.js";

/**
 * Re-checks a cart against the live catalog, coupon and settings (core's `reviewCart`): the
 * cart page after every change, and checkout before it places anything, read the same way.
 */
export async function reviewStoredCart(
  repos: Repositories,
  cart: Cart,
  context: {
    userId: string | null;
    deliveryOptionId?: string | undefined;
    now: Date;
    settings?: StoreSettings;
    /** The entries of (at least) the cart's lines, when the caller read them in this unit of work and wrote no catalog row since. */
    entries?: ReadonlyMap<string, CatalogEntry>;
  },
) {
  const settings = context.settings ?? (await loadSettings(repos));
  const entries = context.entries ?? (await repos.products.findEntries(cart.lines.map((line) => line.variantId)));
  const coupon = cart.couponCode ? await repos.coupons.findByCode(cart.couponCode) : null;
  const customerCouponUses = coupon && context.userId ? await repos.coupons.customerUses(coupon.code, context.userId) : 0;
  const deliveryOptionId = context.deliveryOptionId ?? settings.deliveryOptions[0]?.id ?? "";
  const review: CartReview = reviewCart(cart, { entries, coupon, customerCouponUses, deliveryOptionId, settings, now: context.now });
  return { review, entries, settings, deliveryOptionId };
}

/** What the cart page shows: every line as the shopper added it, current totals, and each problem with its fix. */
export function cartView(cart: Cart, reviewed: Awaited<ReturnType<typeof reviewStoredCart>>) {
  return {
    lines: cart.lines.map((line) => {
      const entry = reviewed.entries.get(line.variantId);
      return {
        variantId: line.variantId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        name: entry ? lineName(entry) : null,
        sku: entry?.variant.sku ?? null,
        productSlug: entry?.product.slug ?? null,
        image: entry?.product.images[0] ?? null,
        available: entry ? available(entry.variant.stock) : 0,
      };
    }),
    couponCode: cart.couponCode,
    deliveryOptionId: reviewed.deliveryOptionId,
    updatedAt: cart.updatedAt,
    totals: reviewed.review.totals,
    receipt: receiptOf(reviewed.review.totals),
    problems: reviewed.review.problems.map((problem) => ({ ...problem, fix: fixFor(problem) })),
  };
}

export type CartView = ReturnType<typeof cartView>;
