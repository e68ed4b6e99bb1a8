import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

describe("bulk packing and shipping over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let variant: SeededVariant;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    variant = await seedVariant(app, { stock: 100 });
  });
  afterAll(() => app.close());

  const auditOf = async (orderId: string) =>
    (await app.db.repos.audit.list({ cursor: null, limit: 10, actorId: null, action: null, targetType: "order", targetId: orderId, from: null, to: null })).items;

  it("ships each order with its own tracking number; a refused row is reported and the others still go ahead, each audited", async () => {
    const customer = await createAccount(app);
    const first = await seedOrder(app, { userId: customer.user.id, variant, status: "packed" });
    const notPacked = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed" });
    const last = await seedOrder(app, { userId: customer.user.id, variant, status: "packed" });
    const ship = (orderId: string, trackingNumber: string) => ({ orderId, event: { type: "ship", carrier: "Delhivery", trackingNumber } });

    const answer = await call(
      app.url,
      "admin.orders.bulkFulfil",
      { items: [ship(first.id, "DL-1"), ship(notPacked.id, "DL-2"), ship("no-such-order", "DL-3"), ship(last.id, "DL-4")] },
      { token: admin.token, headers: { "x-request-id": "req-bulk-ship" } },
    );
    expect(answer.data).toEqual({
      results: [
        { orderId: first.id, ok: true, status: "shipped", error: null },
        { orderId: notPacked.id, ok: false, status: null, error: { reason: "INVALID_TRANSITION", message: 'An order that is confirmed cannot take the action "ship"' } },
        { orderId: "no-such-order", ok: false, status: null, error: { reason: "NOT_FOUND", message: "Order not found" } },
        { orderId: last.id, ok: true, status: "shipped", error: null },
      ],
    });

    expect((await app.db.repos.orders.findById(first.id))?.tracking).toEqual({ carrier: "Delhivery", trackingNumber: "DL-1" });
    expect((await app.db.repos.orders.findById(last.id))?.tracking).toEqual({ carrier: "Delhivery", trackingNumber: "DL-4" });
    // The refused order is exactly as it was: no state, tracking or version change, nothing audited.
    const untouched = await app.db.repos.orders.findById(notPacked.id);
    expect({ status: untouched?.status, tracking: untouched?.tracking, version: untouched?.version }).toEqual({ status: "confirmed", tracking: null, version: notPacked.version });
    expect(await auditOf(notPacked.id)).toEqual([]);
    for (const [order, trackingNumber] of [[first, "DL-1"], [last, "DL-4"]] as const) {
      expect(await auditOf(order.id)).toMatchObject([
        { actorId: admin.user.id, action: "order.ship", requestId: "req-bulk-ship", after: { status: "shipped", tracking: { carrier: "Delhivery", trackingNumber } } },
      ]);
    }
  });

  it("packs several orders in one call and refuses actions other than pack or ship before changing anything", async () => {
    const customer = await createAccount(app);
    const a = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed" });
    const b = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed" });
    const packed = await call(app.url, "admin.orders.bulkFulfil", { items: [a, b].map((o) => ({ orderId: o.id, event: { type: "pack" } })) }, { token: admin.token });
    expect((packed.data as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(["packed", "packed"]);

    const cancel = await call(app.url, "admin.orders.bulkFulfil", { items: [{ orderId: a.id, event: { type: "cancel", reason: "bulk cancel" } }] }, { token: admin.token });
    expect(cancel.error?.data.fieldErrors).toEqual([{ path: "items.0.event.type", message: "Action must be pack or ship" }]);
    expect((await app.db.repos.orders.findById(a.id))?.status).toBe("packed");

    const shopper = await createAccount(app);
    const refused = await call(app.url, "admin.orders.bulkFulfil", { items: [{ orderId: b.id, event: { type: "pack" } }] }, { token: shopper.token });
    expect(refused.status).toBe(403);
  });
});
