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
  | { readonly code: "NOT_IN_CART"; readonly variantId: string }
  /** More than can be reserved now: `available` units in all, `inCart` of them already in the cart. */
  | { readonly code: "NOT_ENOUGH_STOCK"; readonly variantId: string; readonly available: number; readonly inCart: number };

/**
 * A line may grow to what can be reserved now, never past it: the shopper hears "only N left" when
 * adding, not "sold out" at checkout. A line may always shrink, whatever the stock (it may already
 * be over, after others bought; the cart review says so).
 */
function checkQuantity(cart: Cart, variantId: string, quantity: number, available: number): CartError | null {
  if (quantity > MAX_LINE_QUANTITY) return { code: "QUANTITY_LIMIT", variantId, max: MAX_LINE_QUANTITY };
  const inCart = quantityOf(cart, variantId);
  if (quantity > inCart && quantity > available) return { code: "NOT_ENOUGH_STOCK", variantId, available: Math.max(available, 0), inCart };
  return null;
}

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
 * rather than being taken silently because more units were added. Refused beyond `MAX_LINE_QUANTITY`
 * and beyond the `available` stock.
 */
export function addItem(cart: Cart, item: CartLine, now: Date, available: number): Result<Cart, CartError> {
  const existing = cart.lines.find((line) => line.variantId === item.variantId);
  const quantity = (existing?.quantity ?? 0) + item.quantity;
  const refusal = checkQuantity(cart, item.variantId, quantity, available);
  if (refusal) return err(refusal);
  return ok(withLine(cart, { ...item, quantity, unitPrice: existing?.unitPrice ?? item.unitPrice }, now));
}

/** Sets a line's quantity; zero removes the line. Raising it is refused beyond the `available` stock. */
export function setQuantity(cart: Cart, variantId: string, quantity: number, now: Date, available: number): Result<Cart, CartError> {
  const line = cart.lines.find((l) => l.variantId === variantId);
  if (!line) return err({ code: "NOT_IN_CART", variantId });
  const refusal = checkQuantity(cart, variantId, quantity, available);
  if (refusal) return err(refusal);
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
