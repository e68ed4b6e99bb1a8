import { addDays, money, type Order, type RollupChange, type SalesRollupPort } from "@bbscart/core";
import { rebuildRollups } from "../rollups.js";
import { orderRollupDelta, ordersRollup } from "../rollup-day.js";
import { fromMs, toMs } from "./codec.js";
import type { Connection } from "./connection.js";
import type { Executor } from "./executor.js";
import { LIMIT_BOUND } from "./limit.js";

/** The zone the rollups are kept in; null before the first rebuild began (nothing to maintain yet). */
function rollupZone(c: Connection): string | null {
  const row = c.prepare("SELECT time_zone FROM rollup_state WHERE id = 1").get() as { time_zone: string } | undefined;
  return row?.time_zone ?? null;
}

/** Adds `change` to the rollup rows (created at zero when missing). */
function addRollup(c: Connection, change: RollupChange): void {
  const day = c.prepare(
    `INSERT INTO sales_rollup_days (day, currency, orders, gross_minor, refunds_minor, units) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, currency) DO UPDATE SET orders = orders + excluded.orders, gross_minor = gross_minor + excluded.gross_minor,
       refunds_minor = refunds_minor + excluded.refunds_minor, units = units + excluded.units`,
  );
  for (const row of change.days) day.run(row.day, row.currency, row.orders, row.gross, row.refunds, row.units);
  const product = c.prepare(
    `INSERT INTO sales_rollup_products (day, currency, product_id, units, revenue_minor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, currency, product_id) DO UPDATE SET units = units + excluded.units, revenue_minor = revenue_minor + excluded.revenue_minor`,
  );
  for (const row of change.products) product.run(row.day, row.currency, row.productId, row.units, row.revenue);
}

/**
 * Called by the orders repository inside the same write as the order row: adds what writing
 * `after` over `before` changes. Runs on the write connection, so it is one atomic unit with the order.
 */
export function maintainRollups(c: Connection, before: Order | null, after: Order): void {
  const timeZone = rollupZone(c);
  if (timeZone !== null) addRollup(c, orderRollupDelta(timeZone, before, after));
}

/** 0 for Monday … 6 for Sunday, of a calendar day `YYYY-MM-DD`. */
const daysSinceMonday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The days [fromDay, toDay) as the whole weeks (Monday first) inside them and the days before and
 * after those weeks, each as a [from, to) pair; a period holding no whole week is all days.
 */
export function splitIntoWeeks(fromDay: string, toDay: string): { weeks: [string, string]; before: [string, string]; after: [string, string] } {
  const offset = daysSinceMonday(fromDay);
  const firstMonday = offset === 0 ? fromDay : addDays(fromDay, 7 - offset);
  const lastMonday = addDays(toDay, -daysSinceMonday(toDay));
  if (firstMonday >= lastMonday) return { weeks: [fromDay, fromDay], before: [fromDay, toDay], after: [toDay, toDay] };
  return { weeks: [firstMonday, lastMonday], before: [fromDay, firstMonday], after: [lastMonday, toDay] };
}

export function sqliteRollups(ex: Executor, loadOrders: (c: Connection, from: number, to: number) => Order[]): SalesRollupPort {
  return {
    state: () =>
      ex.read((c) => {
        const row = c.prepare("SELECT time_zone, complete FROM rollup_state WHERE id = 1").get() as { time_zone: string; complete: number } | undefined;
        return row ? { timeZone: row.time_zone, complete: row.complete === 1 } : null;
      }),
    salesFigures: ({ fromDay, toDay }) =>
      ex.read((c) => {
        const rows = c
          .prepare("SELECT day, currency, orders, gross_minor, refunds_minor FROM sales_rollup_days WHERE day >= ? AND day < ? AND orders > 0 ORDER BY day, currency")
          .all(fromDay, toDay) as Array<{ day: string; currency: string; orders: number; gross_minor: number; refunds_minor: number }>;
        return rows.map((row) => ({ day: row.day, currency: row.currency, orders: row.orders, gross: money(row.gross_minor, row.currency), refunds: money(row.refunds_minor, row.currency) }));
      }),
    topProducts: ({ fromDay, toDay, currency, limit }) =>
      ex.read((c) => {
        // Whole weeks from their week rows (migration 025), the days at either end from the day rows.
        const { weeks, before, after } = splitIntoWeeks(fromDay, toDay);
        const rows = c
          .prepare(
            `SELECT best.product_id, p.name, best.quantity, best.revenue_minor FROM (
               SELECT product_id, SUM(units) AS quantity, SUM(revenue_minor) AS revenue_minor FROM (
                 SELECT product_id, units, revenue_minor FROM sales_rollup_products WHERE day >= ? AND day < ? AND currency = ?
                 UNION ALL SELECT product_id, units, revenue_minor FROM sales_rollup_products WHERE day >= ? AND day < ? AND currency = ?
                 UNION ALL SELECT product_id, units, revenue_minor FROM sales_rollup_product_weeks WHERE week >= ? AND week < ? AND currency = ?
               )
               GROUP BY product_id HAVING quantity > 0
               ORDER BY quantity DESC, revenue_minor DESC, product_id ${LIMIT_BOUND}
             ) best JOIN products p ON p.id = best.product_id
             ORDER BY best.quantity DESC, best.revenue_minor DESC, best.product_id`,
          )
          .all(...before, currency, ...after, currency, ...weeks, currency, limit) as Array<{ product_id: string; name: string; quantity: number; revenue_minor: number }>;
        return rows.map((row) => ({ productId: row.product_id, name: row.name, quantity: row.quantity, revenue: money(row.revenue_minor, currency) }));
      }),
    rebuild: (timeZone, { daysPerBatch }) =>
      rebuildRollups(
        {
          begin: (zone, generation) =>
            ex.write((c) => {
              c.prepare(
                `INSERT INTO rollup_state (id, time_zone, complete, generation) VALUES (1, ?, 0, ?)
                 ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, complete = 0, generation = excluded.generation`,
              ).run(zone, generation);
              c.prepare("DELETE FROM sales_rollup_days").run();
              c.prepare("DELETE FROM sales_rollup_products").run();
            }),
          nextPlacedAt: (from) =>
            ex.read((c) => {
              const row = c.prepare("SELECT MIN(placed_at) AS at FROM orders WHERE placed_at >= ?").get(from === null ? Number.MIN_SAFE_INTEGER : toMs(from)) as { at: number | null };
              return row.at === null ? null : fromMs(row.at);
            }),
          recompute: ({ fromDay, toDay, from, to }, zone) =>
            ex.write((c) => {
              c.prepare("DELETE FROM sales_rollup_days WHERE day >= ? AND day < ?").run(fromDay, toDay);
              c.prepare("DELETE FROM sales_rollup_products WHERE day >= ? AND day < ?").run(fromDay, toDay);
              const orders = loadOrders(c, toMs(from), toMs(to));
              addRollup(c, ordersRollup(zone, orders));
              return orders.length;
            }),
          finish: (generation) =>
            ex.write((c) => {
              c.prepare("UPDATE rollup_state SET complete = 1 WHERE id = 1 AND generation = ?").run(generation);
            }),
        },
        timeZone,
        daysPerBatch,
      ),
  };
}
