import type { Order } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

type OrderView = Order & { availableEvents: string[]; transfers: { id: string; kind: string; amount: { minor: number } }[]; customer: { email: string } };
interface ListPage {
  items: { id: string; status: string; availableEvents: string[] }[];
  nextCursor: string | null;
}

describe("admin orders over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: TestAccount;
  let variant: SeededVariant;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "refunds.issue"] });
    shopper = await createAccount(app);
    variant = await seedVariant(app, { stock: 200 });
  });
  afterAll(() => app.close());

  const transition = (orderId: string, event: unknown, headers: Record<string, string> = {}) =>
    call(app.url, "admin.orders.transition", { orderId, event }, { token: admin.token, headers });

  it("lists orders by status, payment status and customer email, page by page, each with the events this admin may trigger", async () => {
    const customer = await createAccount(app);
    const pending = await seedOrder(app, { userId: customer.user.id, variant, status: "pending_payment" });
    const cod = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod" });
    const packed = await seedOrder(app, { userId: customer.user.id, variant, status: "packed" });

    const mine = await call(app.url, "admin.orders.list", { search: customer.email, limit: 2 }, { token: admin.token });
    const first = mine.data as ListPage;
    expect(first.items.map((o) => o.id)).toEqual([packed.id, cod.id]);
    // Each row names its customer; with no phone on the account, the delivery address's.
    expect(first.items[0]).toMatchObject({ customer: { name: customer.user.name, email: customer.email, phone: packed.address.phone } });
    const rest = (await call(app.url, "admin.orders.list", { search: customer.email, limit: 2, cursor: first.nextCursor }, { token: admin.token })).data as ListPage;
    expect(rest).toMatchObject({ items: [{ id: pending.id, status: "pending_payment", availableEvents: ["cancel"] }], nextCursor: null });

    const byStatus = (await call(app.url, "admin.orders.list", { status: "packed", search: customer.email }, { token: admin.token })).data as ListPage;
    expect(byStatus.items).toEqual([expect.objectContaining({ id: packed.id, availableEvents: ["ship", "cancel"] })]);
    const unpaid = (await call(app.url, "admin.orders.list", { paymentStatus: "unpaid", search: customer.email }, { token: admin.token })).data as ListPage;
    expect(unpaid.items.map((o) => o.id).sort()).toEqual([pending.id, cod.id].sort());

    const bad = await call(app.url, "admin.orders.list", { status: "lost" }, { token: admin.token });
    expect(bad.error?.data.fieldErrors).toEqual([{ path: "status", message: "Status must be an order status" }]);
  });

  it("filters orders by customer, payment method and placed in [placedFrom, placedTo), combined with each other", async () => {
    const customer = await createAccount(app);
    const other = await createAccount(app);
    const day = (d: number) => new Date(Date.UTC(2024, 0, d, 12));
    const cod1 = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod", placedAt: day(1) });
    const card2 = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", placedAt: day(2) });
    const cod3 = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod", placedAt: day(3) });
    const others = await seedOrder(app, { userId: other.user.id, variant, status: "confirmed", method: "cod", placedAt: day(2) });
    const ids = async (input: Record<string, unknown>) => ((await call(app.url, "admin.orders.list", input, { token: admin.token })).data as ListPage).items.map((o) => o.id);

    expect(await ids({ userId: customer.user.id })).toEqual([cod3.id, card2.id, cod1.id]);
    expect(await ids({ userId: customer.user.id, paymentMethod: "cod" })).toEqual([cod3.id, cod1.id]);
    // Both placed at the same instant: the id breaks the tie, descending like the time.
    expect(await ids({ placedFrom: day(2).toISOString(), placedTo: day(3).toISOString() })).toEqual([others.id, card2.id].sort().reverse());
    expect(await ids({ userId: customer.user.id, placedFrom: day(2).toISOString(), placedTo: day(3).toISOString() })).toEqual([card2.id]);
    expect(await ids({ paymentMethod: "cod", placedTo: day(2).toISOString() })).toEqual([cod1.id]);

    const inverted = await call(app.url, "admin.orders.list", { placedFrom: day(3).toISOString(), placedTo: day(1).toISOString() }, { token: admin.token });
    expect(inverted.error?.data.fieldErrors).toEqual([{ path: "placedTo", message: "Placed until must be after placed from" }]);
    const unknown = await call(app.url, "admin.orders.list", { paymentMethod: "upi", placedFrom: "last week" }, { token: admin.token });
    expect(unknown.error?.data.fieldErrors).toEqual([
      { path: "paymentMethod", message: "Payment method must be wallet, card or cash on delivery" },
      { path: "placedFrom", message: "Placed from must be a date and time" },
    ]);
  });

  it("shows an order with its items, payment, ledger transfers, timeline and customer", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "confirmed", quantity: 2 });
    const result = await call(app.url, "admin.orders.byId", { orderId: order.id }, { token: admin.token });
    const view = result.data as OrderView;
    expect(view).toMatchObject({ id: order.id, status: "confirmed", customer: { email: shopper.email }, availableEvents: ["pack", "cancel"] });
    expect(view.lines).toEqual([expect.objectContaining({ variantId: variant.variantId, quantity: 2 })]);
    expect(view.payment).toMatchObject({ method: "card", status: "paid", captured: order.total });
    expect(view.transfers).toEqual([expect.objectContaining({ id: `order:${order.id}:capture:pi_${order.id}`, kind: "order_payment", amount: order.total })]);
    expect(view.history.map((h) => h.event)).toEqual(["place", "captured", "confirm"]);
    expect((await call(app.url, "admin.orders.byId", { orderId: "order-missing" }, { token: admin.token })).error?.data.code).toBe("NOT_FOUND");
  });

  it("shows who packed an order: the console names the admin's account, the shopper sees only that the shop did it", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "confirmed" });
    expect((await transition(order.id, { type: "pack" })).status).toBe(200);
    const staffView = (await call(app.url, "admin.orders.byId", { orderId: order.id }, { token: admin.token })).data as OrderView;
    expect(staffView.history.at(-1)).toMatchObject({ event: "pack", actor: { kind: "admin", userId: admin.user.id } });
    expect(staffView.history.at(-1)!.actor).not.toHaveProperty("permissions");
    const shopperView = (await call(app.url, "order.byId", { orderId: order.id }, { token: shopper.token })).data as OrderView;
    expect(shopperView.history.at(-1)).toMatchObject({ event: "pack" });
    expect(shopperView.history.at(-1)!.actor).toEqual({ kind: "admin" });
    // The shopper's own steps still name them.
    expect(shopperView.history[0]!.actor).toEqual({ kind: "shopper", userId: shopper.user.id });
  });

  it("refuses actions the state machine does not allow from the current status, naming why, and writes nothing", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "pending_payment" });
    const ship = await transition(order.id, { type: "ship", carrier: "DTDC", trackingNumber: "D1" });
    expect(ship.status).toBe(409);
    expect(ship.error).toMatchObject({ message: 'An order that is pending payment cannot take the action "ship"', data: { reason: "INVALID_TRANSITION" } });
    const noTracking = await transition(order.id, { type: "ship", carrier: "DTDC" });
    expect(noTracking.error?.data.fieldErrors).toEqual([{ path: "event.trackingNumber", message: "Tracking number must be text" }]);
    const stored = await app.db.repos.orders.findById(order.id);
    expect(stored?.version).toBe(order.version);
    const audits = await app.db.repos.audit.list({ cursor: null, limit: 10, actorId: null, action: null, targetType: "order", targetId: order.id, from: null, to: null });
    expect(audits.items).toEqual([]);
  });

  it("advances an order through fulfilment and a return, auditing each step with before, after and the request id", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "confirmed", method: "cod", quantity: 3 });
    const before = await app.db.repos.inventory.level(variant.variantId);
    const steps = [
      { type: "pack" },
      { type: "ship", carrier: "Blue Dart", trackingNumber: "BD-42" },
      { type: "deliver" },
      { type: "request_return", lines: [{ variantId: variant.variantId, quantity: 3 }], reason: "wrong_item", note: "wrong size" },
      { type: "approve_return", lines: [{ variantId: variant.variantId, approve: true }], destination: "wallet" },
      { type: "receive_return", restock: true },
    ];
    let view: OrderView | undefined;
    for (const [i, event] of steps.entries()) {
      const result = await transition(order.id, event, { "x-request-id": `req-admin-orders-${i}` });
      expect(result.error).toBeUndefined();
      view = result.data as OrderView;
    }
    expect(view).toMatchObject({ status: "return_received", tracking: { carrier: "Blue Dart", trackingNumber: "BD-42" }, availableEvents: [] });
    expect(view?.returns).toEqual([expect.objectContaining({ id: "R1", status: "received", restocked: true, amount: order.total })]);
    // Cash was collected at delivery and booked in the ledger; everything came back, so all of it went to the wallet.
    expect(view?.payment.status).toBe("refunded");
    expect(view?.transfers.map((t) => t.kind)).toEqual(["cod_collection", "refund"]);
    expect(await app.db.repos.inventory.level(variant.variantId)).toEqual({ onHand: before!.onHand + 3, reserved: before!.reserved });

    const audits = await app.db.repos.audit.list({ cursor: null, limit: 10, actorId: admin.user.id, action: null, targetType: "order", targetId: order.id, from: null, to: null });
    expect(audits.items.map((a) => [a.action, a.requestId]).reverse()).toEqual(steps.map((s, i) => [`order.${s.type}`, `req-admin-orders-${i}`]));
    expect(audits.items.find((a) => a.action === "order.ship")).toMatchObject({
      before: { status: "packed", tracking: null },
      after: { status: "shipped", tracking: { carrier: "Blue Dart", trackingNumber: "BD-42" } },
    });
    expect(audits.items.find((a) => a.action === "order.request_return")?.reason).toBe("wrong_item");
  });

  it("lets exactly one of a concurrent cancel and ship win, 20 times over; stock comes back only when cancel won", async () => {
    const raced = await seedVariant(app, { stock: 20 });
    const orders = await Promise.all(Array.from({ length: 20 }, () => seedOrder(app, { userId: shopper.user.id, variant: raced, status: "packed" })));
    expect(await app.db.repos.inventory.level(raced.variantId)).toEqual({ onHand: 0, reserved: 0 });
    let cancelWins = 0;
    for (const [round, order] of orders.entries()) {
      const cancelling = () => transition(order.id, { type: "cancel", reason: "customer called" });
      const shipping = () => transition(order.id, { type: "ship", carrier: "DTDC", trackingNumber: `D-${order.id}` });
      // Which request leaves first alternates, so both outcomes of the race are exercised.
      const [cancel, ship] =
        round % 2 === 0 ? await Promise.all([cancelling(), shipping()]) : await Promise.all([shipping(), cancelling()]).then(([s, c]) => [c, s] as const);
      const winners = [cancel, ship].filter((r) => r.data !== undefined);
      expect(winners).toHaveLength(1);
      const loser = cancel.data ? ship : cancel;
      expect(loser.error?.data).toMatchObject({ code: "CONFLICT", reason: "INVALID_TRANSITION" });
      const stored = await app.db.repos.orders.findById(order.id);
      expect(stored?.status).toBe(cancel.data ? "cancelled" : "shipped");
      // The machine held: exactly one status change after packing, and a cancelled paid order refunded in full.
      expect(stored?.history.filter((h) => h.kind === "status").map((h) => h.event)).toEqual(["place", "confirm", "pack", cancel.data ? "cancel" : "ship"]);
      if (cancel.data) {
        cancelWins += 1;
        expect(stored?.payment).toMatchObject({ status: "refunded", refunds: [{ status: "succeeded", destination: "card" }] });
      }
    }
    expect(await app.db.repos.inventory.level(raced.variantId)).toEqual({ onHand: cancelWins, reserved: 0 });
  });
});
