import { describe, expect, it } from "vitest";
import { priceLines } from "../cart/pricing.js";
import { money } from "../money/money.js";
import { expectOk } from "../result.js";
import { makeAddress, makeCoupon, makePricingLine, makeSettings, T0 } from "../testing/builders.js";
import { orderNumber } from "./order.js";
import { attachPaymentIntent, placeOrder, type PlaceOrderInput } from "./place.js";

const settings = makeSettings();
const totals = expectOk(
  priceLines({
    currency: "INR",
    lines: [makePricingLine({ variantId: "a", quantity: 2 }), makePricingLine({ variantId: "a", sku: "KURTA-BLU-M", quantity: 1 })],
    coupon: makeCoupon(),
    delivery: settings.deliveryOptions[1] ?? settings.deliveryOptions[0]!,
  }),
  "test",
);
const input = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  orderId: "o1",
  orderNumber: "BB-10001",
  userId: "u1",
  guest: null,
  couponHolders: ["u1", "email:asha@example.com"],
  totals,
  address: makeAddress(),
  paymentMethod: "card",
  idempotencyKey: "k1",
  now: T0,
  settings,
  ...overrides,
});

describe("placeOrder", () => {
  it("creates a pending order that keeps the priced lines and expires after the payment window", () => {
    const placed = expectOk(placeOrder(input()), "test");
    expect(placed.order).toMatchObject({ status: "pending_payment", total: totals.total, couponCode: "WELCOME10", version: 1 });
    expect(placed.order.lines).toBe(totals.lines);
    expect(placed.order.expiresAt).toEqual(new Date("2025-01-15T10:30:00.000Z"));
    expect(placed.order.history).toEqual([{ kind: "status", at: T0, actor: { kind: "shopper", userId: "u1" }, event: "place", from: null, to: "pending_payment", note: null }]);
  });

  it("keeps a business buyer for the invoice, and stores none for a consumer", () => {
    const buyer = { gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" };
    expect(expectOk(placeOrder(input({ buyer })), "test").order.buyer).toEqual(buyer);
    expect(expectOk(placeOrder(input({ buyer: null })), "test").order).not.toHaveProperty("buyer");
  });

  it("reserves each variant once, redeems the coupon, announces the order and asks for a card intent after commit", () => {
    const placed = expectOk(placeOrder(input()), "test");
    expect(placed.effects).toEqual([
      { type: "reserve_stock", items: [{ variantId: "a", sku: "KURTA-BLU-M", quantity: 3 }] },
      { type: "redeem_coupon", couponCode: "WELCOME10", holders: ["u1", "email:asha@example.com"] },
      expect.objectContaining({ type: "notify" }),
    ]);
    expect(placed.afterCommit).toEqual([{ type: "create_intent", orderId: "o1", amount: totals.total, idempotencyKey: "order:o1:intent" }]);
    expect(expectOk(placeOrder(input({ paymentMethod: "wallet" })), "test").afterCommit).toEqual([]);
  });

  it("places a guest's order with no owner, the guest's contact on it and the coupon counted by email and phone", () => {
    const guest = { email: "asha@example.com", phone: "+919800000001" };
    const holders = ["email:asha@example.com", "phone:+919800000001"];
    const placed = expectOk(placeOrder(input({ userId: null, guest, couponHolders: holders, paymentMethod: "cod" })), "test");
    expect(placed.order).toMatchObject({ userId: null, guest, couponHolders: holders });
    expect(placed.order.history[0]?.actor).toEqual({ kind: "system", process: "guest_checkout" });
    expect(placed.effects).toContainEqual({ type: "redeem_coupon", couponCode: "WELCOME10", holders });
    // The confirmation goes to the guest's own address: there is no account to look up.
    const notice = placed.effects.find((effect) => effect.type === "notify");
    expect(notice?.type === "notify" && notice.notification).toMatchObject({ userId: null, guest });
  });

  it("keeps no coupon holders for an order without a coupon", () => {
    const plain = { ...totals, couponCode: null };
    expect(expectOk(placeOrder(input({ totals: plain })), "test").order.couponHolders).toEqual([]);
  });

  it("throws for an order with both or neither owner and contact, and for a guest's wallet payment: the input schema rules them out", () => {
    const guest = { email: "asha@example.com", phone: "+919800000001" };
    expect(() => placeOrder(input({ guest }))).toThrow("exactly one");
    expect(() => placeOrder(input({ userId: null }))).toThrow("exactly one");
    expect(() => placeOrder(input({ userId: null, guest, paymentMethod: "wallet" }))).toThrow("wallet");
  });

  it("refuses empty carts, disabled cash on delivery and a foreign currency", () => {
    expect(placeOrder(input({ totals: { ...totals, lines: [] } }))).toEqual({ ok: false, error: { code: "EMPTY_CART" } });
    expect(placeOrder(input({ paymentMethod: "cod", settings: makeSettings({ codEnabled: false }) }))).toEqual({ ok: false, error: { code: "COD_UNAVAILABLE" } });
    expect(placeOrder(input({ totals: { ...totals, currency: "USD", total: money(1, "USD") } }))).toEqual({
      ok: false,
      error: { code: "CURRENCY_MISMATCH", expected: "INR", actual: "USD" },
    });
  });

  it("remembers the provider intent", () => {
    const placed = expectOk(placeOrder(input()), "test");
    const withIntent = attachPaymentIntent(placed.order, "pi_9");
    expect(withIntent.payment.providerIntentId).toBe("pi_9");
    expect(withIntent.version).toBe(2);
  });
});

describe("order numbers", () => {
  it("count from BB-10001 and refuse anything that is not a sequence number", () => {
    expect(orderNumber(1)).toBe("BB-10001");
    expect(orderNumber(423)).toBe("BB-10423");
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => orderNumber(bad)).toThrow(RangeError);
  });
});
