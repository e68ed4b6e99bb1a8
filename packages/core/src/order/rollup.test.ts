import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { recordRefund } from "../payment/payment.js";
import { expectOk } from "../result.js";
import { makeOrder, makePricingLine, T0 } from "../testing/builders.js";
import { addDays, dayIn, startOfDay } from "./days.js";
import type { Order } from "./order.js";
import { rollupDelta, rollupOf, sumRollups } from "./rollup.js";

const line = (product: number, quantity: number, unit = 1_000) =>
  makePricingLine({ productId: `prod-${product}`, variantId: `var-${product}-${quantity}`, sku: `SKU-${product}-${quantity}`, quantity, unitPrice: money(unit, "INR") });

const refunded = (order: Order, minor: number): Order => ({
  ...order,
  payment: expectOk(
    recordRefund(order.payment, { id: "r1", amount: money(minor, "INR"), destination: "card", reason: "damaged", at: T0, status: "pending", settledAt: null }),
    "refund",
  ),
});

describe("rollups of an order", () => {
  it("count a paid order once with its captured, refunded and units, and its products by id (two variants of one product together)", () => {
    const order = refunded(makeOrder({ lines: [line(1, 2), line(1, 1), line(2, 3, 500)] }), 700);
    expect(rollupOf(order, "2025-01-15")).toEqual({
      days: [{ day: "2025-01-15", currency: "INR", orders: 1, gross: order.payment.captured.minor, refunds: 700, units: 6 }],
      products: [
        { day: "2025-01-15", currency: "INR", productId: "prod-1", units: 3, revenue: 3_000 },
        { day: "2025-01-15", currency: "INR", productId: "prod-2", units: 3, revenue: 1_500 },
      ],
    });
  });

  it("leave an unpaid order out of the day's money but count its products; a cancelled one counts nowhere", () => {
    expect(rollupOf(makeOrder({ status: "pending_payment", lines: [line(1, 2)] }), "2025-01-15")).toEqual({
      days: [],
      products: [{ day: "2025-01-15", currency: "INR", productId: "prod-1", units: 2, revenue: 2_000 }],
    });
    expect(rollupOf(makeOrder({ status: "cancelled" }), "2025-01-15")).toEqual({ days: [], products: [] });
  });

  it("change by the difference a write makes: payment adds the sale, a refund only the refund, cancelling takes the products back", () => {
    const pending = makeOrder({ status: "pending_payment", lines: [line(1, 2)] });
    const paid = makeOrder({ lines: [line(1, 2)] });
    const day = "2025-01-15";
    expect(rollupDelta(null, rollupOf(pending, day))).toEqual(rollupOf(pending, day));
    expect(rollupDelta(rollupOf(pending, day), rollupOf(paid, day))).toEqual({ days: rollupOf(paid, day).days, products: [] });
    expect(rollupDelta(rollupOf(paid, day), rollupOf(refunded(paid, 300), day))).toEqual({
      days: [{ day, currency: "INR", orders: 0, gross: 0, refunds: 300, units: 0 }],
      products: [],
    });
    expect(rollupDelta(rollupOf(pending, day), rollupOf({ ...pending, status: "cancelled" }, day))).toEqual({
      days: [],
      products: [{ day, currency: "INR", productId: "prod-1", units: -2, revenue: -2_000 }],
    });
  });

  it("add up: applying every write's delta in turn gives the rollup of the last state (property)", () => {
    const state = fc.record({ paid: fc.boolean(), cancelled: fc.boolean(), refund: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
        const orders = states.map(({ paid, cancelled, refund }) => {
          const base = makeOrder({ status: paid ? "confirmed" : "pending_payment", lines: [line(1, 1), line(2, 2)] });
          const withRefund = paid && refund > 0 ? refunded(base, refund * 100) : base;
          return cancelled ? { ...withRefund, status: "cancelled" as const } : withRefund;
        });
        const deltas = orders.map((order, i) => rollupDelta(i === 0 ? null : rollupOf(orders[i - 1]!, "d"), rollupOf(order, "d")));
        expect(sumRollups(deltas)).toEqual(sumRollups([rollupOf(orders.at(-1)!, "d")]));
      }),
    );
  });
});

describe("store days", () => {
  it("name the day in the zone, step over month ends and find the day's first instant, across a DST change", () => {
    expect(dayIn("Asia/Kolkata", new Date("2025-01-15T18:30:00Z"))).toBe("2025-01-16");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(startOfDay("Asia/Kolkata", "2025-01-16")).toEqual(new Date("2025-01-15T18:30:00Z"));
    // New York moves from UTC−5 to UTC−4 on 9 March 2025.
    expect(startOfDay("America/New_York", "2025-03-09")).toEqual(new Date("2025-03-09T05:00:00Z"));
    expect(startOfDay("America/New_York", "2025-03-10")).toEqual(new Date("2025-03-10T04:00:00Z"));
  });
});
