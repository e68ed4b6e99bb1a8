import { defaultStoreSettings } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";
import { rebuildSalesRollups } from "../src/services/reports/index.js";

/** 10:00 on 16 January in New York (UTC−5): the store's "today" starts at 05:00 UTC. */
const NOW = new Date("2025-01-16T15:00:00Z");

interface Sales {
  timeZone: string;
  days: { day: string; orders: number; gross: { minor: number }; refunds: { minor: number }; net: { minor: number } }[];
  orders: number;
  gross: { minor: number };
  refunds: { minor: number };
  net: { minor: number };
  averageOrderValue: { minor: number };
}

/** A refund the dashboard must net off: ₹10 of today's delivered order. */
const REFUNDED = 1_000;

describe("admin dashboard figures over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let cheap: SeededVariant;
  let dear: SeededVariant;
  let scarce: SeededVariant;
  let awaiting: SeededVariant;
  const totals: Record<string, number> = {};

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), clock: { now: () => NOW } });
    await app.db.uow.run((repos) => repos.settings.save({ ...defaultStoreSettings, timeZone: "America/New_York", lowStockThreshold: 3 }));
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    const shopper = await createAccount(app);
    cheap = await seedVariant(app, { stock: 100, priceMinor: 10_000 });
    dear = await seedVariant(app, { stock: 100, priceMinor: 250_000 });
    scarce = await seedVariant(app, { stock: 2, priceMinor: 10_000 });
    awaiting = await seedVariant(app, { stock: 100, priceMinor: 5_000 });
    const at = async (name: string, iso: string, options: { variant?: SeededVariant; status?: "confirmed" | "delivered" | "pending_payment" } = {}) => {
      const order = await seedOrder(app, { userId: shopper.user.id, variant: options.variant ?? cheap, status: options.status ?? "confirmed", placedAt: new Date(iso) });
      totals[name] = order.total.minor;
      return order;
    };
    await at("lastNightNy", "2025-01-16T04:30:00Z"); // 15 Jan, 23:30 in New York
    await at("todayEarly", "2025-01-16T05:30:00Z", { variant: dear }); // 16 Jan, 00:30
    const late = await at("todayLate", "2025-01-16T14:00:00Z", { status: "delivered" });
    await app.services.adminOrders.refund(
      { user: admin.user, actor: { kind: "admin", userId: admin.user.id, permissions: ["refunds.issue"] }, requestId: null },
      { orderId: late.id, amountMinor: REFUNDED, destination: "wallet", reason: "one item damaged", items: [], idempotencyKey: "dashboard-refund" },
    );
    // Placed today and never paid: no sale.
    await at("todayUnpaid", "2025-01-16T15:00:00Z", { status: "pending_payment", variant: awaiting });
    const cancelled = await at("todayCancelled", "2025-01-16T13:00:00Z", { status: "pending_payment" });
    await app.services.adminOrders.transition({ user: admin.user, actor: { kind: "admin", userId: admin.user.id, permissions: ["orders.manage"] }, requestId: null }, {
      orderId: cancelled.id,
      event: { type: "cancel", reason: "duplicate order" },
    });
    await at("firstDayOfWeek", "2025-01-10T05:00:00Z"); // 10 Jan, 00:00 in New York
    await at("beforeTheWeek", "2025-01-10T04:00:00Z"); // 9 Jan, 23:00 in New York
    await at("monthAgo", "2024-12-18T12:00:00Z"); // 18 Dec: the first of the 30 days
    await at("tooOld", "2024-12-17T12:00:00Z");
  });
  afterAll(() => app.close());

  const sales = async (days: number) => (await call(app.url, "admin.dashboard.sales", { days }, { token: admin.token })).data as Sales;

  it("gives gross, refunds and net of paid orders by calendar day in the store's time zone for the last 7 days; unpaid and cancelled-unpaid orders count nowhere", async () => {
    const week = await sales(7);
    expect(week.timeZone).toBe("America/New_York");
    expect(week.days.map((d) => d.day)).toEqual(["2025-01-10", "2025-01-11", "2025-01-12", "2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16"]);
    const byDay = Object.fromEntries(week.days.map((d) => [d.day, [d.orders, d.gross.minor, d.refunds.minor, d.net.minor]]));
    expect(byDay["2025-01-10"]).toEqual([1, totals.firstDayOfWeek, 0, totals.firstDayOfWeek]);
    expect(byDay["2025-01-12"]).toEqual([0, 0, 0, 0]);
    expect(byDay["2025-01-15"]).toEqual([1, totals.lastNightNy, 0, totals.lastNightNy]);
    const today = totals.todayEarly! + totals.todayLate!;
    expect(byDay["2025-01-16"]).toEqual([2, today, REFUNDED, today - REFUNDED]);
    const gross = totals.firstDayOfWeek! + totals.lastNightNy! + today;
    expect(week).toMatchObject({
      orders: 4,
      gross: { minor: gross },
      refunds: { minor: REFUNDED },
      net: { minor: gross - REFUNDED },
      averageOrderValue: { minor: Math.round(gross / 4) },
    });
  });

  it("covers 30 days, today included, and nothing older", async () => {
    const month = await sales(30);
    expect(month.days).toHaveLength(30);
    expect(month.days[0]).toMatchObject({ day: "2024-12-18", orders: 1, gross: { minor: totals.monthAgo } });
    expect(month.days.find((d) => d.day === "2025-01-09")).toMatchObject({ orders: 1, gross: { minor: totals.beforeTheWeek } });
    expect(month.orders).toBe(6);
    expect((await call(app.url, "admin.dashboard.sales", { days: 14 }, { token: admin.token })).error?.data.fieldErrors).toEqual([
      { path: "days", message: "Period must be 7 or 30 days" },
    ]);
  });

  it("lists the best sellers of the last 7 or 30 days by units sold before revenue, cancelled orders excluded", async () => {
    const top = async (days: number) =>
      (await call(app.url, "admin.dashboard.topProducts", { days }, { token: admin.token })).data as {
        timeZone: string;
        currency: string;
        products: { productId: string; name: string; quantity: number; revenue: { minor: number; currency: string } }[];
      };
    // 7 days: cheap sold last night, late today and on the first day of the week (the cancelled order is left out); dear once.
    expect(await top(7)).toEqual({
      timeZone: "America/New_York",
      currency: "INR",
      products: [
        { productId: cheap.productId, name: "Cotton Kurta", quantity: 3, revenue: { minor: 3 * cheap.priceMinor, currency: "INR" } },
        { productId: dear.productId, name: "Cotton Kurta", quantity: 1, revenue: { minor: dear.priceMinor, currency: "INR" } },
        // Best sellers count what is ordered and not cancelled, so an order awaiting payment is here (it is in no sales figure).
        { productId: awaiting.productId, name: "Cotton Kurta", quantity: 1, revenue: { minor: awaiting.priceMinor, currency: "INR" } },
      ],
    });
    const month = await top(30);
    expect(month.products.map((p) => [p.productId, p.quantity])).toEqual([
      [cheap.productId, 5],
      [dear.productId, 1],
      [awaiting.productId, 1],
    ]);
    expect((await call(app.url, "admin.dashboard.topProducts", { days: 1 }, { token: admin.token })).error?.data.fieldErrors).toEqual([
      { path: "days", message: "Period must be 7 or 30 days" },
    ]);
  });

  it("gives today's totals, orders by status and variants at or below the low-stock threshold", async () => {
    const overview = (await call(app.url, "admin.dashboard.overview", undefined, { token: admin.token })).data as {
      today: { day: string; orders: number; gross: { minor: number }; refunds: { minor: number }; net: { minor: number } };
      byStatus: Record<string, number>;
      lowStockThreshold: number;
      lowStock: { variantId: string; sku: string; available: number }[];
    };
    const today = totals.todayEarly! + totals.todayLate!;
    expect(overview.today).toEqual({
      day: "2025-01-16",
      orders: 2,
      gross: { minor: today, currency: "INR" },
      refunds: { minor: REFUNDED, currency: "INR" },
      net: { minor: today - REFUNDED, currency: "INR" },
    });
    expect(overview.byStatus).toMatchObject({ confirmed: 6, delivered: 1, cancelled: 1, pending_payment: 1, shipped: 0 });
    expect(overview.lowStockThreshold).toBe(3);
    expect(overview.lowStock.map((v) => [v.sku, v.available])).toEqual([[scarce.sku, 2]]);
  });

  it("reads the same figures from the rollups once they are built, without recounting orders, and keeps them as refunds land", async () => {
    const token = { token: admin.token };
    const answers = async () =>
      Promise.all([
        sales(7),
        sales(30),
        call(app.url, "admin.dashboard.topProducts", { days: 30 }, token).then((r) => r.data),
        call(app.url, "admin.dashboard.overview", undefined, token).then((r) => r.data),
      ]);
    // Not built yet (a database from before rollups): the dashboard recounts the orders.
    expect(await app.db.rollups.state()).toBeNull();
    const recounted = await answers();
    expect(await rebuildSalesRollups(app.db, { daysPerBatch: 3 })).toMatchObject({ timeZone: "America/New_York", orders: 9 });
    const { orders } = app.db.repos;
    const scans = [vi.spyOn(orders, "salesFigures"), vi.spyOn(orders, "topProducts")];
    for (const scan of scans) scan.mockRejectedValue(new Error("the dashboard scanned orders"));
    try {
      expect(await answers()).toEqual(recounted);
      // A refund booked now changes its order's day in the rollups, in the same write.
      const [order] = (await orders.list({ status: "delivered", statuses: null, paymentStatus: null, paymentMethod: null, userId: null, placedFrom: null, placedTo: null, search: null, cursor: null, limit: 1 })).items;
      await app.services.adminOrders.refund(
        { user: admin.user, actor: { kind: "admin", userId: admin.user.id, permissions: ["refunds.issue"] }, requestId: null },
        { orderId: order!.id, amountMinor: 500, destination: "wallet", reason: "late", items: [], idempotencyKey: "dashboard-refund-2" },
      );
      expect((await sales(7)).days.at(-1)).toMatchObject({ day: "2025-01-16", refunds: { minor: REFUNDED + 500 } });
    } finally {
      for (const scan of scans) scan.mockRestore();
    }
    // And the rollups still equal a recount of every order.
    const zone = "America/New_York";
    expect(await app.db.rollups.salesFigures({ fromDay: "2024-01-01", toDay: "2026-01-01" })).toEqual(
      await orders.salesFigures({ from: new Date("2024-01-01T05:00:00Z"), to: new Date("2026-01-01T05:00:00Z"), timeZone: zone }),
    );
  });
});
