import { addDays, available, dayIn, money, netOf, startOfDay, summarize, type DailyFigures } from "@bbscart/core";
import type { salesReportInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type CommerceDeps, loadSettings } from "../common/index.js";

/** How many low-stock variants the dashboard lists (lowest first). */
const LOW_STOCK_LIMIT = 20;
/** How many best sellers the dashboard lists. */
const TOP_PRODUCTS_LIMIT = 10;

/**
 * The admin dashboard's figures, every "day" in the store's time zone: the owner's sales figures
 * per day (paid orders, gross, refunds, net), today's, orders by status, low-stock variants and top products — each one indexed query, never
 * a scan of all orders. Sales and best sellers are read from the rollups (O(days), ADR 131) once they
 * are complete in the store's zone; before that (an upgraded database not yet rebuilt, a zone just
 * changed) from the orders of the period, which give the same figures, slower.
 */
export function dashboardService(deps: CommerceDeps) {
  const { db, clock } = deps;

  /** The last `days` calendar days, today included: their first day and the instants [from, to) they span. */
  async function period(days: number) {
    const { timeZone, currency } = await loadSettings(db.repos);
    const today = dayIn(timeZone, clock.now());
    const first = addDays(today, 1 - days);
    const end = addDays(today, 1);
    const state = await db.rollups.state();
    const rolledUp = state?.complete === true && state.timeZone === timeZone;
    return { timeZone, currency, first, end, rolledUp, from: startOfDay(timeZone, first), to: startOfDay(timeZone, end) };
  }

  /**
   * The owner's figures for `days` calendar days ending today, in the store's currency, every day
   * present (zero when nothing was paid): paid orders, gross, refunds and net per day, and the
   * period's summary with the average order value. Definitions: core's `DailyFigures`.
   */
  async function figures(days: number) {
    const { timeZone, currency, first, end, rolledUp, from, to } = await period(days);
    const rows = rolledUp ? await db.rollups.salesFigures({ fromDay: first, toDay: end }) : await db.repos.orders.salesFigures({ from, to, timeZone });
    const byDay = new Map<string, DailyFigures>(rows.filter((row) => row.currency === currency).map((row) => [row.day, row]));
    const series = Array.from({ length: days }, (_, i) => {
      const day = addDays(first, i);
      const found = byDay.get(day) ?? { day, currency, orders: 0, gross: money(0, currency), refunds: money(0, currency) };
      return { day, orders: found.orders, gross: found.gross, refunds: found.refunds, net: netOf(found) };
    });
    return { timeZone, currency, series, summary: summarize(rows, currency) };
  }

  return {
    async sales(input: z.output<typeof salesReportInput>) {
      const { timeZone, currency, series, summary } = await figures(input.days);
      return { timeZone, currency, days: series, ...summary };
    },

    /** Best sellers of the period by units, in the store's currency. */
    async topProducts(input: z.output<typeof salesReportInput>) {
      const { timeZone, currency, first, end, rolledUp, from, to } = await period(input.days);
      const products = rolledUp
        ? await db.rollups.topProducts({ fromDay: first, toDay: end, currency, limit: TOP_PRODUCTS_LIMIT })
        : await db.repos.orders.topProducts({ from, to, currency, limit: TOP_PRODUCTS_LIMIT });
      return { timeZone, currency, products };
    },

    async overview() {
      const settings = await loadSettings(db.repos);
      const [{ series }, byStatus, lowStock] = await Promise.all([
        figures(1),
        db.repos.orders.countByStatus(),
        db.repos.products.lowStock(settings.lowStockThreshold, LOW_STOCK_LIMIT),
      ]);
      const today = series[0]!;
      return {
        timeZone: settings.timeZone,
        today,
        byStatus,
        lowStockThreshold: settings.lowStockThreshold,
        lowStock: lowStock.map(({ product, variant }) => ({
          productId: product.id,
          productName: product.name,
          variantId: variant.id,
          sku: variant.sku,
          variantName: variant.name,
          onHand: variant.stock.onHand,
          available: available(variant.stock),
        })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof dashboardService>;
