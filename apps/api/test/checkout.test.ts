import { makeCoupon } from "@bbscart/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Receipt } from "../src/services/checkout/index.js";
import { createAccount } from "./accounts.js";
import { addProduct, address, creditWallet, makeShoppers, newKey, stockOf, walletBalance, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const place = (app: RunningApp, shopper: Shopper, overrides: Record<string, unknown> = {}) =>
  call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey(), ...overrides }, { token: shopper.token });

const addToCart = async (app: RunningApp, shopper: Shopper, variantId: string, quantity = 1) => {
  const added = await call(app.url, "cart.add", { variantId, quantity }, { token: shopper.token });
  expect(added.error).toBeUndefined();
};

describe("checkout over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000" } });
  });
  afterAll(() => app.close());

  it("sells exactly the stock to 200 concurrent shoppers, never more", async () => {
    const product = await addProduct(app, { stock: 5 });
    const shoppers = await makeShoppers(app, 200);
    for (const shopper of shoppers) await addToCart(app, shopper, product.variantId);
    const results = await Promise.all(shoppers.map((shopper) => place(app, shopper)));
    const placed = results.filter((r) => r.data);
    expect(placed).toHaveLength(5);
    for (const refused of results.filter((r) => r.error)) expect([409, 412]).toContain(refused.status);
    // Cash on delivery is accepted at once: the five units are sold, none left or held.
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 0, reserved: 0 });
    expect(placed.map((r) => (r.data as Receipt).status)).toEqual(Array(5).fill("confirmed"));
  });

  it("makes one order of the same key sent 20 times at once, answering all 20 alike", async () => {
    const product = await addProduct(app, { stock: 10 });
    const [shopper] = await makeShoppers(app, 1);
    await addToCart(app, shopper!, product.variantId, 2);
    const idempotencyKey = newKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => place(app, shopper!, { idempotencyKey, paymentMethod: "card" })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const receipts = results.map((r) => r.data as Receipt);
    for (const receipt of receipts) expect(receipt).toEqual(receipts[0]);
    expect(receipts[0]!.clientSecret).toMatch(/_secret$/);
    expect((await app.db.repos.orders.listForUser(shopper!.user.id, { cursor: null, limit: 10 })).items).toHaveLength(1);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 10, reserved: 2 });
    // The key still replays later, with the cart now empty; the same key for another request is refused.
    expect((await place(app, shopper!, { idempotencyKey, paymentMethod: "card" })).data).toEqual(receipts[0]);
    const conflict = await place(app, shopper!, { idempotencyKey, paymentMethod: "cod" });
    expect(conflict.status).toBe(409);
    expect(conflict.error?.data.fieldErrors).toEqual([{ path: "idempotencyKey", message: expect.any(String) as string }]);
  });

  it("treats one shopper's key sent by another shopper as a separate order", async () => {
    const product = await addProduct(app, { stock: 10 });
    const [first, second] = await makeShoppers(app, 2);
    await addToCart(app, first!, product.variantId);
    await addToCart(app, second!, product.variantId);
    const idempotencyKey = newKey();
    const a = await place(app, first!, { idempotencyKey });
    const b = await place(app, second!, { idempotencyKey });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect((a.data as Receipt).orderId).not.toBe((b.data as Receipt).orderId);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 8, reserved: 0 });
  });

  it("lets 50 concurrent wallet checkouts spend only what the wallet holds", async () => {
    const price = 100_000;
    const product = await addProduct(app, { stock: 100, priceMinor: price });
    const [shopper] = await makeShoppers(app, 1);
    const credit = 7 * price + 50_000;
    await creditWallet(app, shopper!.user.id, credit);
    // One shopper has one cart, so each of the 50 overlapping checkouts puts one unit in it first
    // (a unit another request adds in between may ride along) and tries again when a concurrent
    // checkout took the cart it had filled: every request ends paid or refused for lack of funds.
    const results = await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let attempt = 0; attempt < 20; attempt++) {
          await addToCart(app, shopper!, product.variantId);
          await call(app.url, "cart.updateQuantity", { variantId: product.variantId, quantity: 1 }, { token: shopper!.token });
          const result = await place(app, shopper!, { paymentMethod: "wallet", deliveryOptionId: "express" });
          if (result.error?.data.reason !== "EMPTY_CART") return result;
        }
        throw new Error("the cart was emptied by other checkouts 20 times in a row");
      }),
    );
    const receipts = results.filter((r) => r.data).map((r) => r.data as Receipt);
    const spent = receipts.reduce((total, r) => total + r.total.minor, 0);
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every((r) => r.status === "confirmed")).toBe(true);
    expect(spent).toBeLessThanOrEqual(credit);
    expect(await walletBalance(app, shopper!.user.id)).toBe(credit - spent);
    const derived = await app.db.repos.ledger.derivedBalance(`wallet:${shopper!.user.id}`, "INR");
    expect(derived.minor).toBe(credit - spent);
    // Each order costs at least one unit plus express delivery, so at most 6 fit in the credit.
    expect(receipts.length).toBeLessThanOrEqual(6);
    for (const refused of results.filter((r) => r.error)) {
      expect([refused.status, refused.error?.data.reason]).toEqual([412, "INSUFFICIENT_FUNDS"]);
    }
  });

  it("never redeems a coupon beyond its usage limit under 50 concurrent orders", async () => {
    const product = await addProduct(app, { stock: 100 });
    const code = `LIMIT${Date.now()}`;
    await app.db.uow.run((repos) => repos.coupons.create(makeCoupon({ code, usageLimit: 7 })));
    const shoppers = await makeShoppers(app, 50);
    for (const shopper of shoppers) {
      await addToCart(app, shopper, product.variantId);
      expect((await call(app.url, "cart.applyCoupon", { code }, { token: shopper.token })).status).toBe(200);
    }
    const results = await Promise.all(shoppers.map((shopper) => place(app, shopper)));
    expect(results.filter((r) => r.data)).toHaveLength(7);
    expect((await app.db.repos.coupons.findByCode(code))?.usedCount).toBe(7);
    for (const refused of results.filter((r) => r.error)) expect([409, 412]).toContain(refused.status);
  });

  it("refuses what cannot be placed, naming the field, and writes nothing", async () => {
    const product = await addProduct(app, { stock: 3 });
    const [shopper] = await makeShoppers(app, 1);
    expect((await place(app, shopper!)).error?.data.reason).toBe("EMPTY_CART");
    await addToCart(app, shopper!, product.variantId);
    const badDelivery = await place(app, shopper!, { deliveryOptionId: "drone" });
    expect(badDelivery.status).toBe(400);
    expect(badDelivery.error?.data.fieldErrors[0]?.path).toBe("deliveryOptionId");
    const badAddress = await place(app, shopper!, { address: undefined, addressId: "nope" });
    expect(badAddress.status).toBe(404);
    expect(badAddress.error?.data.fieldErrors[0]?.path).toBe("addressId");
    const broke = await place(app, shopper!, { paymentMethod: "wallet" });
    expect(broke.status).toBe(412);
    expect(broke.error?.data.fieldErrors[0]?.path).toBe("paymentMethod");
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 3, reserved: 0 });
    expect((await app.db.repos.orders.listForUser(shopper!.user.id, { cursor: null, limit: 10 })).items).toHaveLength(0);
  });

  it("shows a shopper their own orders with the timeline, lets them cancel, and hides them from others", async () => {
    const product = await addProduct(app, { stock: 4, priceMinor: 60_000 });
    const [shopper, other] = await makeShoppers(app, 2);
    await creditWallet(app, shopper!.user.id, 200_000);
    await addToCart(app, shopper!, product.variantId, 2);
    const receipt = (await place(app, shopper!, { paymentMethod: "wallet" })).data as Receipt;
    const list = await call(app.url, "order.list", {}, { token: shopper!.token });
    expect((list.data as { items: { id: string }[] }).items.map((o) => o.id)).toEqual([receipt.orderId]);
    const detail = await call(app.url, "order.byId", { orderId: receipt.orderId }, { token: shopper!.token });
    const order = detail.data as { status: string; actions: string[]; history: { kind: string; to?: string }[] };
    expect(order.status).toBe("confirmed");
    expect(order.actions).toEqual(["cancel"]);
    expect(order.history.filter((h) => h.kind === "status").map((h) => h.to)).toEqual(["pending_payment", "confirmed"]);
    expect((await call(app.url, "order.byId", { orderId: receipt.orderId }, { token: other!.token })).status).toBe(404);
    expect((await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "changed my mind" }, { token: other!.token })).status).toBe(404);

    const cancelled = await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "changed my mind" }, { token: shopper!.token });
    expect((cancelled.data as { status: string }).status).toBe("cancelled");
    // Sold units come back to the shelf and the wallet gets its money back.
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 4, reserved: 0 });
    expect(await walletBalance(app, shopper!.user.id)).toBe(200_000);
    const again = await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "changed my mind" }, { token: shopper!.token });
    // The state machine has no cancel from cancelled: a conflict with the order's state, named as such.
    expect(again.status).toBe(409);
    expect(again.error?.data.reason).toBe("INVALID_TRANSITION");
    const tooEarly = await call(app.url, "order.requestReturn", { orderId: receipt.orderId, lines: [{ variantId: product.variantId, quantity: 1 }], reason: "no_longer_needed" }, { token: shopper!.token });
    expect(tooEarly.status).toBe(409);
  });

  it("refunds a cancelled card order to the card through the provider after commit", async () => {
    const product = await addProduct(app, { stock: 2 });
    const [shopper] = await makeShoppers(app, 1);
    await addToCart(app, shopper!, product.variantId);
    const receipt = (await place(app, shopper!, { paymentMethod: "card" })).data as Receipt;
    expect(receipt.status).toBe("pending_payment");
    const cancelled = await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "found it cheaper" }, { token: shopper!.token });
    expect((cancelled.data as { status: string }).status).toBe("cancelled");
    // Unpaid: the reservation is released and the intent cancelled, nothing is refunded.
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });
    const order = await app.db.repos.orders.findById(receipt.orderId);
    expect((await app.provider.retrieveIntent(order!.payment.providerIntentId!)).status).toBe("cancelled");
    expect(app.provider.refunds.filter((r) => r.intentId === order!.payment.providerIntentId)).toEqual([]);
  });

  it("numbers 200 concurrent checkouts with distinct consecutive order numbers; refused ones use none; the admin finds each by number", async () => {
    const product = await addProduct(app, { stock: 150 });
    const shoppers = await makeShoppers(app, 200);
    for (const shopper of shoppers) await addToCart(app, shopper, product.variantId);
    const results = await Promise.all(shoppers.map((shopper) => place(app, shopper)));
    const placed = results.filter((r) => r.data).map((r) => r.data as Receipt);
    expect(placed).toHaveLength(150);
    const sequence = placed.map((r) => Number(/^BB-(\d+)$/.exec(r.orderNumber)?.[1])).sort((a, b) => a - b);
    const first = sequence[0]!;
    expect(sequence).toEqual(Array.from({ length: 150 }, (_, i) => first + i));
    // The 50 refused checkouts rolled their numbers back: the next order takes the next number.
    const [late] = await makeShoppers(app, 1);
    const more = await addProduct(app, { stock: 1 });
    await addToCart(app, late!, more.variantId);
    expect(((await place(app, late!)).data as Receipt).orderNumber).toBe(`BB-${first + 150}`);

    const admin = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    const sample = placed[17]!;
    const found = await call(app.url, "admin.orders.list", { search: sample.orderNumber }, { token: admin.token });
    expect((found.data as { items: { id: string; number: string }[] }).items.map((o) => [o.id, o.number])).toEqual([[sample.orderId, sample.orderNumber]]);
  });

  it("answers every order with receipt rows (list price × quantity, discount, delivery) that add up to the total", async () => {
    const product = await addProduct(app, { stock: 10, priceMinor: 38_505 });
    const code = `TENOFF${Date.now()}`;
    await app.db.uow.run((repos) => repos.coupons.create(makeCoupon({ code, percentBp: 1000 })));
    const [shopper] = await makeShoppers(app, 1);
    await addToCart(app, shopper!, product.variantId, 3);
    await call(app.url, "cart.applyCoupon", { code }, { token: shopper!.token });
    const cart = (await call(app.url, "cart.get", undefined, { token: shopper!.token })).data as { receipt: Receipt17 };
    expectAddsUp(cart.receipt);
    const placed = (await place(app, shopper!)).data as Receipt;
    const order = (await call(app.url, "order.byId", { orderId: placed.orderId }, { token: shopper!.token })).data as { number: string; receipt: Receipt17; total: { minor: number } };
    expect(order.number).toBe(placed.orderNumber);
    expect(order.receipt.rows.map((row) => [row.kind, row.amount.minor])).toEqual([
      ["line", 115_515],
      ["discount", -11_552],
      ["delivery", 0],
    ]);
    expect(order.receipt.total.minor).toBe(order.total.minor);
    expectAddsUp(order.receipt);
    const viaRest = await rest(app.url, "GET", `/orders/${placed.orderId}`, { token: shopper!.token });
    expect((viaRest.body as { receipt: Receipt17 }).receipt).toEqual(order.receipt);
  });
});

interface Receipt17 {
  rows: { kind: string; amount: { minor: number }; unitPrice?: { minor: number }; quantity?: number }[];
  total: { minor: number };
}

function expectAddsUp(receipt: Receipt17) {
  expect(receipt.rows.reduce((sum, row) => sum + row.amount.minor, 0)).toBe(receipt.total.minor);
  for (const row of receipt.rows.filter((r) => r.kind === "line")) expect(row.amount.minor).toBe(row.unitPrice!.minor * row.quantity!);
}
