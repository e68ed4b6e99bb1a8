import { err, ok, type Result } from "../result.js";

/**
 * Stock of one variant. `onHand` is physically in the warehouse; `reserved` is promised to
 * placed orders not yet confirmed. Invariant: 0 ≤ reserved ≤ onHand, so available ≥ 0.
 * Adapters keep it with guarded single-statement writes (see `InventoryRepository`); these
 * functions are the rules those writes implement, and the model the tests check them against.
 */
export interface StockLevel {
  readonly onHand: number;
  readonly reserved: number;
}

/** A quantity of one variant that an effect moves. */
export interface StockItem {
  readonly variantId: string;
  readonly sku: string;
  readonly quantity: number;
}

export type StockError =
  | { readonly code: "OUT_OF_STOCK"; readonly requested: number; readonly available: number }
  | { readonly code: "NOT_RESERVED"; readonly requested: number; readonly reserved: number }
  | { readonly code: "BELOW_RESERVED"; readonly onHand: number; readonly reserved: number };

function positive(quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`stock: bad quantity ${quantity}`);
  return quantity;
}

/** What can still be sold: on hand minus reserved. */
export function available(level: StockLevel): number {
  return level.onHand - level.reserved;
}

/**
 * "Only N left": the exact count is told only when it is low (at most the store's low-stock
 * threshold) and above zero; above it a shopper just sees "In stock", so the shop's inventory is
 * not published. Null when nothing needs saying.
 */
export function onlyLeft(level: StockLevel, threshold: number): number | null {
  const left = available(level);
  return left > 0 && isLowStock(level, threshold) ? left : null;
}

/** Placement: holds `quantity` for an order, refused when fewer are available (never oversold). */
export function reserve(level: StockLevel, quantity: number): Result<StockLevel, StockError> {
  const free = available(level);
  if (positive(quantity) > free) return err({ code: "OUT_OF_STOCK", requested: quantity, available: free });
  return ok({ onHand: level.onHand, reserved: level.reserved + quantity });
}

/** Cancellation or expiry before confirmation: gives a reservation back. */
export function release(level: StockLevel, quantity: number): Result<StockLevel, StockError> {
  if (positive(quantity) > level.reserved) return err({ code: "NOT_RESERVED", requested: quantity, reserved: level.reserved });
  return ok({ onHand: level.onHand, reserved: level.reserved - quantity });
}

/** Confirmation: the reserved units are sold, leaving both on-hand and reserved. */
export function commit(level: StockLevel, quantity: number): Result<StockLevel, StockError> {
  if (positive(quantity) > level.reserved) return err({ code: "NOT_RESERVED", requested: quantity, reserved: level.reserved });
  return ok({ onHand: level.onHand - quantity, reserved: level.reserved - quantity });
}

/** Units come back (a cancelled confirmed order, a received return the admin restocks). */
export function restock(level: StockLevel, quantity: number): StockLevel {
  return { onHand: level.onHand + positive(quantity), reserved: level.reserved };
}

/**
 * An admin's counted correction of on-hand stock. Refused if it would drop on-hand below
 * what is already reserved, which would oversell placed orders.
 */
export function adjustOnHand(level: StockLevel, delta: number): Result<StockLevel, StockError> {
  if (!Number.isSafeInteger(delta)) throw new RangeError(`stock: bad delta ${delta}`);
  const onHand = level.onHand + delta;
  if (onHand < level.reserved) return err({ code: "BELOW_RESERVED", onHand, reserved: level.reserved });
  return ok({ onHand, reserved: level.reserved });
}

/** Low stock for the admin dashboard: few left to sell, but the variant still matters. */
export function isLowStock(level: StockLevel, threshold: number): boolean {
  return available(level) <= threshold;
}

/** Merges items of the same variant, so a reservation touches each variant once. */
export function combineItems(items: readonly StockItem[]): StockItem[] {
  const byVariant = new Map<string, StockItem>();
  for (const item of items) {
    const seen = byVariant.get(item.variantId);
    byVariant.set(item.variantId, seen ? { ...seen, quantity: seen.quantity + item.quantity } : item);
  }
  return [...byVariant.values()];
}
