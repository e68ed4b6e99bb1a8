import { describe, expect, it } from "vitest";
import { priceLines } from "../cart/pricing.js";
import { money } from "../money/money.js";
import { expectOk } from "../result.js";
import { makeAddress, makePricingLine, makeSettings, T0 } from "../testing/builders.js";
import { checkout, replayedCheckoutCalls, statusAtPlacement } from "./checkout.js";
import { applyOrderEvent } from "./order.machine.js";
import { recordPaymentSuccess } from "./order.settlement.js";
import type { PaymentMethod } from "../payment/payment.js";

const settings = makeSettings();
const totals = expectOk(
  priceLines({ currency: "INR", lines: [makePricingLine({ variantId: "a", quantity: 2 })], coupon: null, delivery: settings.deliveryOptions[0]! }),
  "test",
);
const input = (paymentMethod: PaymentMethod, walletBalance: number | null = null) => ({
  orderId: "o1",
  orderNumber: "BB-10001",
  userId: "u1",
  guest: null,
  couponHolders: ["u1", "email:asha@example.com"],
  totals,
  address: makeAddress(),
  paymentMethod,
  idempotencyKey: "k1",
  now: T0,
  settings,
  walletBalance: walletBalance === null ? null : money(walletBalance, "INR"),
});
const later = new Date(T0.getTime() + 60_000);
const admin = { kind: "admin" as const, userId: "a1", permissions: ["orders.manage" as const] };

describe("checkout", () => {
  it("pays a wallet order from the balance and confirms it in the same decision", () => {
    const placed = expectOk(checkout(input("wallet", totals.total.minor)), "test");
    expect(placed.order).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
    expect(placed.effects.map((e) => e.type)).toContain("post_transfers");
    expect(placed.afterCommit).toEqual([]);
  });

  it("refuses a wallet order the balance does not cover, and needs the balance to decide", () => {
    expect(checkout(input("wallet", totals.total.minor - 1))).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS" } });
    expect(() => checkout(input("wallet"))).toThrow(/balance/);
  });

  it("accepts cash on delivery at once, and leaves a card order awaiting its intent", () => {
    expect(expectOk(checkout(input("cod")), "test").order.status).toBe("confirmed");
    const card = expectOk(checkout(input("card")), "test");
    expect(card.order.status).toBe("pending_payment");
    expect(card.afterCommit).toEqual([{ type: "create_intent", orderId: "o1", amount: totals.total, idempotencyKey: "order:o1:intent" }]);
  });
});

describe("a replayed checkout", () => {
  it("answers with the status reached at placement, whatever happened since", () => {
    const cod = expectOk(checkout(input("cod")), "test").order;
    expect(statusAtPlacement(cod)).toBe("confirmed");
    const packed = expectOk(applyOrderEvent(cod, { type: "pack" }, { actor: admin, now: later, settings }), "test").order;
    expect(statusAtPlacement(packed)).toBe("confirmed");
    const card = expectOk(checkout(input("card")), "test").order;
    const paid = expectOk(recordPaymentSuccess(card, { amount: card.total, ref: "pi_1", actor: { kind: "system", process: "payments" }, now: T0, settings }), "test").order;
    expect(paid.status).toBe("confirmed");
    expect(statusAtPlacement(paid)).toBe("pending_payment");
  });

  it("asks for the card intent while the order is payable or has one, never for other methods", () => {
    const card = expectOk(checkout(input("card")), "test").order;
    expect(replayedCheckoutCalls(card)).toEqual([{ type: "create_intent", orderId: "o1", amount: totals.total, idempotencyKey: "order:o1:intent" }]);
    const cancelled = expectOk(applyOrderEvent(card, { type: "cancel", reason: "changed my mind" }, { actor: { kind: "shopper", userId: "u1" }, now: later, settings }), "test").order;
    expect(replayedCheckoutCalls(cancelled)).toEqual([]);
    expect(replayedCheckoutCalls({ ...cancelled, payment: { ...cancelled.payment, providerIntentId: "pi_1" } })).toHaveLength(1);
    expect(replayedCheckoutCalls(expectOk(checkout(input("cod")), "test").order)).toEqual([]);
  });
});
