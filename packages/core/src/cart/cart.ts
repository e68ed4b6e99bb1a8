import type { CurrencyCode, Money } from "../money/money.js";
import { err, ok, type Result } from "../result.js";

/** The most of one variant a single order may hold; keeps line totals far from overflow. */
export const MAX_LINE_QUANTITY = 99;

/** One variant in the cart; the price is what the shopper last saw, to detect changes. */
export interface CartLine {
  readonly variantId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** A server-side cart, owned by a signed-in shopper (`userId`) or a guest (`guestId`). */
export interface Cart {
  readonly id: string;
  readonly userId: string | null;
  readonly guestId: string | null;
  readonly currency: CurrencyCode;
  /** At most one line per variant. */
  readonly lines: readonly CartLine[];
  readonly couponCode: string | null;
  readonly updatedAt: Date;
}

export type CartError =
  | { readonly code: "QUANTITY_LIMIT"; readonly variantId: string; readonly max: number }
  | { readonly code: "NOT_IN_CART"; readonly variantId: string };

function quantityOf(cart: Cart, variantId: string): number {
  return cart.lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
}

function withLine(cart: Cart, line: CartLine, now: Date): Cart {
  const exists = cart.lines.some((l) => l.variantId === line.variantId);
  const lines = exists ? cart.lines.map((l) => (l.variantId === line.variantId ? line : l)) : [...cart.lines, line];
  return { ...cart, lines, updatedAt: now };
}

/**
 * Adds units of a variant. Adding a variant already in the cart increases that line, so the
 * same variant is always one line, and the line keeps the price the shopper last accepted: a
 * price change since then stays a PRICE_CHANGED problem until they accept it (`acceptPrice`),
 * rather than being taken silently because more units were added. Refused beyond `MAX_LINE_QUANTITY`.
 */
export function addItem(cart: Cart, item: CartLine, now: Date): Result<Cart, CartError> {
  const existing = cart.lines.find((line) => line.variantId === item.variantId);
  const quantity = (existing?.quantity ?? 0) + item.quantity;
  if (quantity > MAX_LINE_QUANTITY) return err({ code: "QUANTITY_LIMIT", variantId: item.variantId, max: MAX_LINE_QUANTITY });
  return ok(withLine(cart, { ...item, quantity, unitPrice: existing?.unitPrice ?? item.unitPrice }, now));
}

/** Sets a line's quantity; zero removes the line. */
export function setQuantity(cart: Cart, variantId: string, quantity: number, now: Date): Result<Cart, CartError> {
  const line = cart.lines.find((l) => l.variantId === variantId);
  if (!line) return err({ code: "NOT_IN_CART", variantId });
  if (quantity > MAX_LINE_QUANTITY) return err({ code: "QUANTITY_LIMIT", variantId, max: MAX_LINE_QUANTITY });
  return ok(quantity === 0 ? removeItem(cart, variantId, now) : withLine(cart, { ...line, quantity }, now));
}

/** Removes a variant's line; removing what is not there changes nothing but the time. */
export function removeItem(cart: Cart, variantId: string, now: Date): Cart {
  return { ...cart, lines: cart.lines.filter((l) => l.variantId !== variantId), updatedAt: now };
}

/** Coupon codes are case-insensitive; stored upper-case. */
export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Attaches a coupon code (checked when the cart is reviewed) or, with null, removes it. */
export function setCoupon(cart: Cart, code: string | null, now: Date): Cart {
  return { ...cart, couponCode: code === null ? null : normalizeCouponCode(code), updatedAt: now };
}

/** After the shopper saw a price change, the line takes the current price. */
export function acceptPrice(cart: Cart, variantId: string, price: Money, now: Date): Cart {
  return { ...cart, lines: cart.lines.map((l) => (l.variantId === variantId ? { ...l, unitPrice: price } : l)), updatedAt: now };
}

/**
 * A guest cart merging into the shopper's cart at login: quantities of the same variant add
 * up, capped at what is available to sell (`available`, by variant id; a variant missing from
 * it has nothing to sell) and at `MAX_LINE_QUANTITY`; a guest line left with nothing is
 * dropped. The shopper's own lines that the guest did not touch stay as they were, and the
 * shopper's coupon wins over the guest's.
 */
export function mergeCarts(userCart: Cart, guestCart: Cart, context: { readonly now: Date; readonly available: ReadonlyMap<string, number> }): Cart {
  const { now } = context;
  let merged: Cart = { ...userCart, couponCode: userCart.couponCode ?? guestCart.couponCode, updatedAt: now };
  for (const line of guestCart.lines) {
    const cap = Math.min(MAX_LINE_QUANTITY, context.available.get(line.variantId) ?? 0);
    const quantity = Math.min(cap, quantityOf(merged, line.variantId) + line.quantity);
    // The shopper's own line keeps the price they accepted; a guest-only line brings the price the guest saw.
    const unitPrice = merged.lines.find((l) => l.variantId === line.variantId)?.unitPrice ?? line.unitPrice;
    merged = quantity > 0 ? withLine(merged, { ...line, quantity, unitPrice }, now) : removeItem(merged, line.variantId, now);
  }
  return merged;
}
