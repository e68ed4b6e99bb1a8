import fc from "fast-check";
import { expectOk, money, recordRefund, type DailyFigures, type Order, type ProductSales } from "@bbscart/core";
import { makeOrder, makePricingLine, makeSettings } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { at, seedProduct, stockedProduct } from "../fixtures.js";

const ZONE = "Asia/Kolkata";
const PRODUCTS = [1, 2, 3, 4] as const;
/**
 * Orders are placed over 20 Kolkata days from Wednesday 15 Jan 2025 (its midnight is 18:30 UTC the
 * day before): long enough to hold whole weeks, which an adapter may keep apart from days (SQLite does).
 */
const FIRST_DAY = "2025-01-15";
const AFTER_LAST = "2025-02-04";
const SPAN_DAYS = 20;
/** Best-seller periods: everything, two whole weeks with days either side, one whole week exactly, days inside one week. */
const PERIODS: ReadonlyArray<readonly [string, string]> = [
  [FIRST_DAY, AFTER_LAST],
  ["2025-01-17", "2025-02-01"],
  ["2025-01-20", "2025-01-27"],
  ["2025-01-28", "2025-01-31"],
];
const BASE = Date.parse("2025-01-14T18:30:00Z");

/** The figures counted straight from the orders, independently of the adapters: what the rollups must equal. */
function recount(orders: readonly Order[]): { days: DailyFigures[]; top: (currency: string, fromDay?: string, toDay?: string) => ProductSales[] } {
  const day = (order: Order) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(order.placedAt);
  const days = new Map<string, DailyFigures>();
  for (const order of orders.filter((o) => o.payment.captured.minor > 0)) {
    const key = `${day(order)}|${order.currency}`;
    const seen = days.get(key);
    days.set(key, {
      day: day(order),
      currency: order.currency,
      orders: (seen?.orders ?? 0) + 1,
      gross: money((seen?.gross.minor ?? 0) + order.payment.captured.minor, order.currency),
      refunds: money((seen?.refunds.minor ?? 0) + order.payment.refunded.minor, order.currency),
    });
  }
  const top = (currency: string, fromDay = FIRST_DAY, toDay = AFTER_LAST) => {
    const products = new Map<string, ProductSales>();
    for (const order of orders.filter((o) => o.status !== "cancelled" && o.currency === currency && day(o) >= fromDay && day(o) < toDay)) {
      for (const line of order.lines) {
        const seen = products.get(line.productId);
        products.set(line.productId, {
          productId: line.productId,
          name: `Product ${line.productId.slice("prod-".length)}`,
          quantity: (seen?.quantity ?? 0) + line.quantity,
          revenue: money((seen?.revenue.minor ?? 0) + line.total.minor, currency),
        });
      }
    }
    return [...products.values()].sort((a, b) => b.quantity - a.quantity || b.revenue.minor - a.revenue.minor || (a.productId < b.productId ? -1 : 1));
  };
  const sorted = [...days.values()].sort((a, b) => (a.day === b.day ? (a.currency < b.currency ? -1 : 1) : a.day < b.day ? -1 : 1));
  return { days: sorted, top };
}

/** What happens to an order: paid (card captured or cash collected), refunded in part, cancelled, returned and refunded, or a stale save. */
type Step = "pay" | "refund" | "cancel" | "return" | "stale";

const placement = fc.record({
  minute: fc.integer({ min: 0, max: SPAN_DAYS * 1440 - 1 }),
  currency: fc.constantFrom("INR", "USD"),
  method: fc.constantFrom("card" as const, "cod" as const),
  lines: fc.array(fc.record({ product: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
  steps: fc.array(fc.constantFrom<Step>("pay", "refund", "cancel", "return", "stale"), { maxLength: 4 }),
  inUnitThatFails: fc.boolean(),
});

export function rollupCases(context: ContractContext): void {
  it("rollups: after random placements, payments, refunds, returns, cancellations, stale and rolled-back writes, they equal a recount; a rebuild gives the same", async () => {
    const { db } = context;
    for (const n of PRODUCTS) await seedProduct(db, stockedProduct(n));
    const stored = new Map<string, Order>();
    let run = 0;
    const expectRecount = async () => {
      const expected = recount([...stored.values()]);
      expect(await db.rollups.salesFigures({ fromDay: FIRST_DAY, toDay: AFTER_LAST })).toEqual(expected.days);
      for (const currency of ["INR", "USD"]) {
        for (const [fromDay, toDay] of PERIODS) {
          expect(await db.rollups.topProducts({ fromDay, toDay, currency, limit: 10 }), `${currency} ${fromDay}..${toDay}`).toEqual(expected.top(currency, fromDay, toDay));
        }
      }
    };

    // Orders written before the rollups exist (a shop upgrading) are counted by the first rebuild.
    const early = makeOrder({ id: "early", lines: [makePricingLine({ productId: "prod-1", variantId: "var-1", sku: "SKU-1", quantity: 2 })] });
    await db.repos.orders.create({ ...early, placedAt: at(0) });
    stored.set(early.id, { ...early, placedAt: at(0) });
    expect(await db.rollups.state()).toBeNull();
    expect(await db.rollups.rebuild(ZONE, { daysPerBatch: 1 })).toEqual({ orders: 1, batches: 1 });
    expect(await db.rollups.state()).toEqual({ timeZone: ZONE, complete: true });

    await fc.assert(
      fc.asyncProperty(fc.array(placement, { minLength: 1, maxLength: 5 }), async (placements) => {
        run += 1;
        for (const [index, p] of placements.entries()) {
          const settings = makeSettings({ currency: p.currency });
          const lines = p.lines.map((l) => makePricingLine({ productId: `prod-${l.product}`, variantId: `var-${l.product}`, sku: `SKU-${l.product}`, quantity: l.quantity, unitPrice: money(1_000 * l.product, p.currency) }));
          const id = `r${run}-o${index}`;
          const placed = makeOrder({ id, settings, lines, status: "pending_payment", paymentMethod: p.method });
          let order: Order = { ...placed, placedAt: new Date(BASE + p.minute * 60_000), expiresAt: null };
          await db.repos.orders.create(order);
          stored.set(id, order);
          for (const [n, step] of p.steps.entries()) {
            const paid = makeOrder({ id, settings, lines, status: p.method === "cod" ? "delivered" : "confirmed", paymentMethod: p.method });
            const captured = order.payment.captured.minor > 0;
            const refundable = order.payment.captured.minor - order.payment.refunded.minor;
            const next: Order | null =
              step === "pay" && !captured && order.status !== "cancelled"
                ? { ...order, status: paid.status, payment: paid.payment }
                : (step === "refund" || step === "return") && refundable > 0
                  ? {
                      ...order,
                      status: step === "return" ? "return_received" : order.status,
                      payment: expectOk(
                        recordRefund(order.payment, {
                          id: `${id}-refund-${n}`,
                          amount: money(step === "return" ? refundable : Math.ceil(refundable / 3), p.currency),
                          destination: p.method === "cod" ? "wallet" : "card",
                          reason: "damaged",
                          at: at(n),
                          status: n % 2 === 0 ? "succeeded" : "pending",
                          settledAt: n % 2 === 0 ? at(n) : null,
                        }),
                        "refund",
                      ),
                    }
                  : step === "cancel"
                    ? { ...order, status: "cancelled" }
                    : null;
            if (step === "stale") {
              // A decision that lost the race writes nothing, rollups included.
              expect(await db.repos.orders.save({ ...order, status: "cancelled", version: order.version + 1 }, order.version - 1)).toBe(false);
              continue;
            }
            if (!next) continue;
            const saved: Order = { ...next, version: order.version + 1 };
            if (p.inUnitThatFails && n === 0) {
              // Rolled back with its unit of work: the order and its rollup change go together.
              await expect(
                db.uow.run(async (repos) => {
                  expect(await repos.orders.save(saved, order.version)).toBe(true);
                  throw new Error("payment provider said no");
                }),
              ).rejects.toThrow("payment provider said no");
              continue;
            }
            expect(await db.repos.orders.save(saved, order.version)).toBe(true);
            order = saved;
            stored.set(id, order);
          }
        }
        await expectRecount();
      }),
      // The database keeps every run's orders, so a shrunk case replays on another state: no smaller
      // counterexample comes of shrinking, only minutes of replays. The failing case is reported whole.
      { numRuns: 6, endOnFailure: true },
    );

    // A rebuild from the orders, in batches of any size, gives the rollups the writes kept.
    const kept = await db.rollups.salesFigures({ fromDay: "2024-01-01", toDay: "2026-01-01" });
    const batches = (await db.rollups.rebuild(ZONE, { daysPerBatch: 2 })).batches;
    expect(batches).toBeGreaterThan(1);
    expect(await db.rollups.salesFigures({ fromDay: "2024-01-01", toDay: "2026-01-01" })).toEqual(kept);
    await expectRecount();
  }, 300_000);

  it("rollups: a rebuild in another zone regroups the days; bad batch sizes are refused before anything changes", async () => {
    const { db } = context;
    const order = makeOrder({ id: "late-evening" });
    // 20:00 UTC on 15 Jan is 16 Jan in Kolkata, still 15 Jan in New York.
    await db.repos.orders.create({ ...order, placedAt: new Date("2025-01-15T20:00:00Z") });
    await db.rollups.rebuild(ZONE, { daysPerBatch: 7 });
    const days = async () => (await db.rollups.salesFigures({ fromDay: "2025-01-01", toDay: "2025-02-01" })).map((d) => d.day);
    expect(await days()).toEqual(["2025-01-16"]);
    await expect(db.rollups.rebuild("America/New_York", { daysPerBatch: 0 })).rejects.toThrow("daysPerBatch");
    expect(await db.rollups.state()).toEqual({ timeZone: ZONE, complete: true });
    await db.rollups.rebuild("America/New_York", { daysPerBatch: 1 });
    expect(await days()).toEqual(["2025-01-15"]);
    expect(await db.rollups.state()).toEqual({ timeZone: "America/New_York", complete: true });
  });
}
