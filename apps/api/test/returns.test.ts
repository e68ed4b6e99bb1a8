import { allocate, walletAccount, type Order, type Receipt, type ReturnQuote, type ReturnsSummary } from "@bbscart/core";
import { makeCoupon } from "@bbscart/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

type ShopperView = Order & { receipt: Receipt; returned: ReturnsSummary; returnable: { variantId: string; units: number }[]; actions: string[] };
type AdminView = Order & { returned: ReturnsSummary; returnQuote: ReturnQuote | null; availableEvents: string[] };

describe("returns by line over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: TestAccount;
  let scarf: SeededVariant;
  let kurta: SeededVariant;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "refunds.issue"] });
    shopper = await createAccount(app);
    scarf = await seedVariant(app, { stock: 100, priceMinor: 10_005 });
    kurta = await seedVariant(app, { stock: 100, priceMinor: 12_345 });
    await app.db.repos.coupons.create(makeCoupon());
  });
  afterAll(() => app.close());

  /** Two units each of a scarf and a kurta with WELCOME10 (10 % off), under the free-delivery threshold, paid in cash at delivery. */
  const deliveredWithCoupon = () =>
    seedOrder(app, { userId: shopper.user.id, variant: scarf, alsoVariants: [kurta], quantity: 2, status: "delivered", method: "cod", coupon: makeCoupon() });
  const askReturn = (orderId: string, lines: { variantId: string; quantity: number }[], extra: Record<string, unknown> = {}) =>
    call(app.url, "order.requestReturn", { orderId, lines, reason: "damaged", note: "torn seam", ...extra }, { token: shopper.token });
  const transition = (orderId: string, event: unknown) => call(app.url, "admin.orders.transition", { orderId, event }, { token: admin.token });

  it("returns 1 of 2 units of one line: core's amount with the coupon's share is quoted, approved, and refunded on receipt; the rows add up", async () => {
    const order = await deliveredWithCoupon();
    const scarfLine = order.lines.find((l) => l.variantId === scarf.variantId)!;
    expect(scarfLine.discount.minor).toBeGreaterThan(0);
    const asked = await askReturn(order.id, [{ variantId: scarf.variantId, quantity: 1 }]);
    expect(asked.error).toBeUndefined();
    const mine = asked.data as ShopperView;
    expect(mine.status).toBe("return_requested");
    expect(mine.returnable).toEqual([
      { variantId: scarf.variantId, units: 1 },
      { variantId: kurta.variantId, units: 2 },
    ]);

    // What one unit paid: half the line's discounted total by the allocation rules, tax inside it; no delivery.
    const [unit] = allocate(scarfLine.total, [1, 1]);
    const [unitTax] = allocate(scarfLine.tax, [1, 1]);
    const view = (await call(app.url, "admin.orders.byId", { orderId: order.id }, { token: admin.token })).data as AdminView;
    expect(view.returnQuote).toEqual({ lines: [{ variantId: scarf.variantId, quantity: 1, amount: unit, tax: unitTax }], delivery: { minor: 0, currency: "INR" }, total: unit });
    const quote = await call(app.url, "admin.orders.returnQuote", { orderId: order.id, approve: [scarf.variantId] }, { token: admin.token });
    expect(quote.data).toEqual(view.returnQuote);

    const approved = await transition(order.id, { type: "approve_return", lines: [{ variantId: scarf.variantId, approve: true }], destination: "wallet" });
    expect(approved.error).toBeUndefined();
    expect((approved.data as AdminView).returns[0]).toMatchObject({ status: "approved", amount: unit, delivery: { minor: 0 }, overrideReason: null });
    const stockBefore = await app.db.repos.inventory.level(scarf.variantId);
    const walletBefore = await app.db.repos.ledger.balance(walletAccount(shopper.user.id), "INR");
    const received = (await transition(order.id, { type: "receive_return", restock: true })).data as AdminView;
    expect(received.status).toBe("return_received");
    expect(received.payment.refunds).toEqual([expect.objectContaining({ id: `${order.id}:return:R1`, amount: unit, destination: "wallet", status: "succeeded" })]);
    expect(await app.db.repos.ledger.balance(walletAccount(shopper.user.id), "INR")).toEqual({ minor: walletBefore.minor + unit!.minor, currency: "INR" });
    expect(await app.db.repos.inventory.level(scarf.variantId)).toEqual({ onHand: stockBefore!.onHand + 1, reserved: stockBefore!.reserved });

    const page = (await call(app.url, "order.byId", { orderId: order.id }, { token: shopper.token })).data as ShopperView;
    expect(page.returned.lines).toEqual([
      { variantId: scarf.variantId, label: scarfLine.name, ordered: 2, returned: 1, pending: 0, refunded: unit },
      { variantId: kurta.variantId, label: order.lines[1]!.name, ordered: 2, returned: 0, pending: 0, refunded: { minor: 0, currency: "INR" } },
    ]);
    expect(page.returned.total).toEqual(unit);
    expect(page.receipt.rows.reduce((sum, row) => sum + row.amount.minor, 0)).toBe(page.total.minor);
    // More may come back later while units remain.
    expect(page.actions).toEqual(["request_return"]);
  });

  it("refuses returning more units than are left, naming the field, and writes nothing", async () => {
    const order = await deliveredWithCoupon();
    const over = await askReturn(order.id, [{ variantId: kurta.variantId, quantity: 1 }, { variantId: scarf.variantId, quantity: 3 }]);
    expect(over.status).toBe(400);
    expect(over.error?.data).toMatchObject({ reason: "RETURN_EXCEEDS_UNITS", fieldErrors: [{ path: "lines.1.quantity" }] });
    const stranger = await askReturn(order.id, [{ variantId: "var-elsewhere", quantity: 1 }]);
    expect(stranger.error?.data).toMatchObject({ reason: "RETURN_LINE_UNKNOWN", fieldErrors: [{ path: "lines.0.variantId" }] });
    const badReason = await askReturn(order.id, [{ variantId: scarf.variantId, quantity: 1 }], { reason: "meh" });
    expect(badReason.error?.data.fieldErrors).toEqual([{ path: "reason", message: "Reason must be damaged, wrong item, not as described, no longer needed or other" }]);
    expect(await app.db.repos.orders.findById(order.id)).toEqual(order);

    // Over REST the same refusal is a problem document naming the field.
    const viaRest = await rest(app.url, "POST", `/orders/${order.id}/return`, { token: shopper.token, body: { lines: [{ variantId: scarf.variantId, quantity: 5 }], reason: "other" } });
    expect(viaRest.status).toBe(422);
    expect((viaRest.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["lines.0.quantity"]);
  });

  it("lets 10 concurrent return requests ask for the line's 2 units only once", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant: scarf, quantity: 2, status: "delivered", method: "cod" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => askReturn(order.id, [{ variantId: scarf.variantId, quantity: 2 }])));
    expect(answers.filter((a) => a.error === undefined)).toHaveLength(1);
    expect(answers.filter((a) => a.error).map((a) => a.status)).toEqual(Array.from({ length: 9 }, () => 409));
    const stored = await app.db.repos.orders.findById(order.id);
    expect(stored?.returns.flatMap((r) => r.lines).reduce((units, l) => units + l.quantity, 0)).toBe(2);
  });

  it("approves per line, refunds delivery only with the return that completes everything, and audits an override with its reason", async () => {
    const order = await deliveredWithCoupon();
    expect(order.deliveryFee.minor).toBeGreaterThan(0);
    await askReturn(order.id, [{ variantId: scarf.variantId, quantity: 2 }, { variantId: kurta.variantId, quantity: 2 }]);
    const partly = await transition(order.id, {
      type: "approve_return",
      lines: [{ variantId: scarf.variantId, approve: true }, { variantId: kurta.variantId, approve: false }],
      destination: "wallet",
    });
    expect((partly.data as AdminView).returns[0]).toMatchObject({ amount: order.lines[0]!.total, delivery: { minor: 0 } });
    await transition(order.id, { type: "receive_return", restock: false });

    await askReturn(order.id, [{ variantId: kurta.variantId, quantity: 2 }]);
    const completing = (await call(app.url, "admin.orders.byId", { orderId: order.id }, { token: admin.token })).data as AdminView;
    expect(completing.returnQuote?.delivery).toEqual(order.deliveryFee);
    expect(completing.returnQuote?.total.minor).toBe(order.lines[1]!.total.minor + order.deliveryFee.minor);
    const tooMuch = await transition(order.id, {
      type: "approve_return",
      lines: [{ variantId: kurta.variantId, approve: true }],
      destination: "wallet",
      override: { amountMinor: order.total.minor, reason: "refund it all" },
    });
    expect(tooMuch.error?.data).toMatchObject({ reason: "RETURN_EXCEEDS_REFUNDABLE", fieldErrors: [{ path: "event.override.amountMinor" }] });
    const overridden = await transition(order.id, {
      type: "approve_return",
      lines: [{ variantId: kurta.variantId, approve: true }],
      destination: "wallet",
      override: { amountMinor: order.lines[1]!.total.minor, reason: "kept the delivery fee: opened and worn" },
    });
    expect(overridden.error).toBeUndefined();
    const done = (await transition(order.id, { type: "receive_return", restock: true })).data as AdminView;
    expect(done.payment.refunded.minor).toBe(order.lines[0]!.total.minor + order.lines[1]!.total.minor);
    expect(done.returned).toMatchObject({ delivery: order.deliveryFee, adjustments: { minor: -order.deliveryFee.minor }, total: done.payment.refunded });
    expect(done.availableEvents).toEqual([]);
    const audits = await app.db.repos.audit.list({ cursor: null, limit: 20, actorId: admin.user.id, action: "order.approve_return", targetType: "order", targetId: order.id, from: null, to: null });
    expect(audits.items[0]).toMatchObject({
      reason: "kept the delivery fee: opened and worn",
      after: { returns: [{ id: "R1" }, { id: "R2", status: "approved", amountMinor: order.lines[1]!.total.minor, overrideReason: "kept the delivery fee: opened and worn" }] },
    });
  });

  it("refuses approving with lines missing or none approved, and to an admin without refunds.issue", async () => {
    const order = await deliveredWithCoupon();
    await askReturn(order.id, [{ variantId: scarf.variantId, quantity: 1 }, { variantId: kurta.variantId, quantity: 1 }]);
    const missing = await transition(order.id, { type: "approve_return", lines: [{ variantId: scarf.variantId, approve: true }], destination: "wallet" });
    expect(missing.error?.data).toMatchObject({ reason: "RETURN_DECISIONS_MISMATCH", fieldErrors: [{ path: "event.lines" }] });
    const none = await transition(order.id, {
      type: "approve_return",
      lines: [{ variantId: scarf.variantId, approve: false }, { variantId: kurta.variantId, approve: false }],
      destination: "wallet",
    });
    expect(none.error?.data).toMatchObject({ reason: "RETURN_NONE_APPROVED" });
    const clerk = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    const byClerk = await call(
      app.url,
      "admin.orders.transition",
      { orderId: order.id, event: { type: "approve_return", lines: [{ variantId: scarf.variantId, approve: true }, { variantId: kurta.variantId, approve: true }], destination: "wallet" } },
      { token: clerk.token },
    );
    expect(byClerk.error?.data).toMatchObject({ reason: "MISSING_PERMISSION" });
    expect((await app.db.repos.orders.findById(order.id))?.status).toBe("return_requested");
  });
});
