import { money, type CustomerOrders } from "@bbscart/core";

/** One engine's aggregate row: a customer's orders in one currency. */
export interface CustomerCurrencyRow {
  readonly userId: string;
  readonly currency: string;
  readonly orders: number;
  readonly lastOrderAt: Date;
  /** Captured less refunded over the paid orders among them. */
  readonly spentMinor: number;
  /** How many of them were paid: a currency with none adds no amount spent. */
  readonly paid: number;
}

/** Folds per-currency rows (sorted by customer) into one `CustomerOrders` per customer, as both engines return it. */
export function foldCustomerOrders(rows: readonly CustomerCurrencyRow[]): CustomerOrders[] {
  const byUser = new Map<string, { orders: number; lastOrderAt: Date; spent: ReturnType<typeof money>[] }>();
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { orders: 0, lastOrderAt: row.lastOrderAt, spent: [] };
    entry.orders += row.orders;
    if (row.lastOrderAt > entry.lastOrderAt) entry.lastOrderAt = row.lastOrderAt;
    if (row.paid > 0) entry.spent.push(money(row.spentMinor, row.currency));
    byUser.set(row.userId, entry);
  }
  return [...byUser].map(([userId, entry]) => ({ userId, ...entry }));
}
