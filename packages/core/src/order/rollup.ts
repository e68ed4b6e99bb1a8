import type { CurrencyCode } from "../money/money.js";
import type { Order } from "./order.js";

/**
 * What one order adds to the owner's figures of its day (the store's day it was placed) and
 * currency, defined as the dashboard counts it (ADR 093, 131): a paid order (`captured > 0`)
 * counts once, with what it captured, what has been refunded on it and its units; a product's
 * sales count every order not cancelled, paid or not (best sellers are stock spoken for).
 * Rollups hold the sum of these over every order, kept by adding `rollupDelta` whenever an
 * order is written.
 */
export interface DayRollup {
  readonly day: string;
  readonly currency: CurrencyCode;
  readonly orders: number;
  readonly gross: number;
  readonly refunds: number;
  readonly units: number;
}

/** One product's units and line revenue (after discounts) on one day, in one currency. */
export interface ProductDayRollup {
  readonly day: string;
  readonly currency: CurrencyCode;
  readonly productId: string;
  readonly units: number;
  readonly revenue: number;
}

export interface RollupChange {
  readonly days: readonly DayRollup[];
  readonly products: readonly ProductDayRollup[];
}

/** What `order` adds to the rollups; `day` is the store's day of `order.placedAt`. */
export function rollupOf(order: Order, day: string): RollupChange {
  const currency = order.currency;
  const paid = order.payment.captured.minor > 0;
  const units = order.lines.reduce((n, line) => n + line.quantity, 0);
  const days = paid ? [{ day, currency, orders: 1, gross: order.payment.captured.minor, refunds: order.payment.refunded.minor, units }] : [];
  const byProduct = new Map<string, ProductDayRollup>();
  if (order.status !== "cancelled") {
    for (const line of order.lines) {
      const seen = byProduct.get(line.productId);
      byProduct.set(line.productId, {
        day,
        currency,
        productId: line.productId,
        units: (seen?.units ?? 0) + line.quantity,
        revenue: (seen?.revenue ?? 0) + line.total.minor,
      });
    }
  }
  return { days, products: [...byProduct.values()] };
}

const dayKey = (row: DayRollup) => `${row.day}|${row.currency}`;
const productKey = (row: ProductDayRollup) => `${row.day}|${row.currency}|${row.productId}`;

/** Adds up rows of the same key (sign −1 subtracts), dropping those that come to nothing. */
function combine<T extends object>(key: (row: T) => string, fields: ReadonlyArray<keyof T>, parts: ReadonlyArray<readonly [readonly T[], 1 | -1]>): T[] {
  const sums = new Map<string, T>();
  for (const [rows, sign] of parts) {
    for (const row of rows) {
      const seen = sums.get(key(row));
      const next = { ...row } as Record<keyof T, unknown>;
      for (const field of fields) next[field] = ((seen?.[field] as number | undefined) ?? 0) + sign * (row[field] as number);
      sums.set(key(row), next as T);
    }
  }
  return [...sums.values()].filter((row) => fields.some((field) => row[field] !== 0));
}

/** The sum of many orders' rollups, by key: what a rebuild writes for the days it covers. */
export function sumRollups(changes: readonly RollupChange[]): RollupChange {
  return {
    days: combine(dayKey, ["orders", "gross", "refunds", "units"], changes.map((change) => [change.days, 1] as const)),
    products: combine(productKey, ["units", "revenue"], changes.map((change) => [change.products, 1] as const)),
  };
}

/**
 * What writing `after` over `before` (null: a new order) changes in the rollups: the new
 * contribution minus the old, zero rows left out. An order keeps its day and currency, so a
 * confirmation, refund, return or cancellation moves only its own day's rows.
 */
export function rollupDelta(before: RollupChange | null, after: RollupChange): RollupChange {
  const old = before ?? { days: [], products: [] };
  return {
    days: combine(dayKey, ["orders", "gross", "refunds", "units"], [[after.days, 1], [old.days, -1]]),
    products: combine(productKey, ["units", "revenue"], [[after.products, 1], [old.products, -1]]),
  };
}
