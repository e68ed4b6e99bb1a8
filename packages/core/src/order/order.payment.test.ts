import { describe, expect, it } from "vitest";
import { adminActor, inr, makeOrder, makePricingLine, makeSettings, shopperActor, systemActor, T0 } from "../testing/builders.js";
import { applyOrderEvent } from "./order.machine.js";
import { captureOrderPayment, failRefund, recordPaymentFailure, refundOrder, settleRefund } from "./order.payment.js";
import { payWithWallet, recordPaymentSuccess } from "./order.settlement.js";
import { refundForUnits } from "./returns.js";

const settings = makeSettings();
const refund = (minor: number, destination: "wallet" | "card" = "card", actor = adminActor as Parameters<typeof refundOrder>[1]["actor"]) => ({
  refundId: "rf-1",
  amount: inr(minor),
  destination,
  reason: "damaged",
  actor,
  now: T0,
});

describe("refunds", () => {
  it("reserves a card refund as pending, asks the provider after commit, and books it only when settled", () => {
    const order = makeOrder({ status: "delivered" });
    const result = refundOrder(order, refund(5000));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const pending = result.value.order;
    expect(pending.payment.status).toBe("partially_refunded");
    expect(pending.payment.refunds).toEqual([{ id: "rf-1", amount: inr(5000), destination: "card", reason: "damaged", at: T0, status: "pending", settledAt: null }]);
    expect(result.value.effects).toEqual([]);
    expect(result.value.afterCommit).toEqual([{ type: "refund", intentId: "pi_test", refundId: "rf-1", amount: inr(5000), idempotencyKey: "refund:rf-1" }]);
    expect(pending.history.at(-1)).toMatchObject({ kind: "payment", event: "refunded", amount: inr(5000) });

    const later = new Date(T0.getTime() + 1000);
    const settled = settleRefund(pending, { refundId: "rf-1", now: later });
    if (!settled.ok) throw new Error(JSON.stringify(settled.error));
    expect(settled.value.order.version).toBe(pending.version + 1);
    expect(settled.value.order.payment.refunds[0]).toMatchObject({ status: "succeeded", settledAt: later });
    expect(settled.value.effects[0]).toEqual({
      type: "post_transfers",
      transfers: [{ id: "refund:rf-1", debit: "platform:refunds", credit: "platform:card_clearing", amount: inr(5000), kind: "refund", reference: "order-1", memo: null, createdAt: later }],
    });
    expect(settled.value.effects[1]).toMatchObject({ type: "notify", notification: { template: "refund_issued", dedupeKey: "order:order-1:refund:rf-1" } });
    expect(settleRefund(settled.value.order, { refundId: "rf-1", now: later })).toEqual({ ok: true, value: { order: settled.value.order, effects: [], afterCommit: [] } });
    expect(settleRefund(pending, { refundId: "nope", now: later })).toEqual({ ok: false, error: { code: "REFUND_NOT_FOUND", refundId: "nope" } });
  });

  it("releases a failed card refund's reservation and says so on the timeline", () => {
    const pending = refundOrder(makeOrder({ status: "delivered" }), refund(5000));
    if (!pending.ok) throw new Error("refund refused");
    const failed = failRefund(pending.value.order, { refundId: "rf-1", reason: "card closed", actor: systemActor, now: T0 });
    if (!failed.ok) throw new Error(JSON.stringify(failed.error));
    expect(failed.value.order.payment.status).toBe("paid");
    expect(failed.value.order.payment.refunds[0]?.status).toBe("failed");
    expect(failed.value.effects).toEqual([]);
    expect(failed.value.order.history.at(-1)).toMatchObject({ kind: "payment", event: "failed", amount: inr(5000), note: "refund failed: card closed" });
    expect(failRefund(failed.value.order, { refundId: "rf-1", reason: "again", actor: systemActor, now: T0 })).toEqual({
      ok: true,
      value: { order: failed.value.order, effects: [], afterCommit: [] },
    });
    expect(failRefund(failed.value.order, { refundId: "x", reason: "r", actor: systemActor, now: T0 }).ok).toBe(false);
    expect(refundOrder(failed.value.order, refund(failed.value.order.total.minor, "wallet")).ok).toBe(true);
  });

  it("refuses refunds beyond what was captured, by shoppers, or to a card that never paid", () => {
    const order = makeOrder({ status: "delivered" });
    expect(refundOrder(order, refund(order.total.minor + 1))).toMatchObject({ ok: false, error: { code: "REFUND_EXCEEDS_CAPTURED" } });
    expect(refundOrder(order, refund(100, "card", shopperActor()))).toEqual({ ok: false, error: { code: "NOT_ALLOWED", permission: "refunds.issue" } });
    const wallet = makeOrder({ paymentMethod: "wallet", status: "delivered" });
    expect(refundOrder(wallet, refund(100, "card"))).toEqual({
      ok: false,
      error: { code: "REFUND_DESTINATION_UNAVAILABLE", method: "wallet", destination: "card" },
    });
    const noIntentCard = { ...order, payment: { ...order.payment, providerIntentId: null } };
    expect(refundOrder(noIntentCard, refund(100, "card")).ok).toBe(false);
  });

  it("refuses a wallet refund for a guest's unclaimed order: there is no wallet to pay into", () => {
    const guestOrder = makeOrder({ paymentMethod: "cod", status: "delivered", guest: { email: "asha@example.com", phone: "+919800000001" } });
    expect(refundOrder(guestOrder, refund(1000, "wallet"))).toEqual({
      ok: false,
      error: { code: "REFUND_DESTINATION_UNAVAILABLE", method: "cod", destination: "wallet" },
    });
  });

  it("throws on a wallet payment for an order without an owner: placement never makes one", () => {
    const ownerless = { ...makeOrder({ paymentMethod: "wallet", status: "pending_payment" }), userId: null };
    expect(() => captureOrderPayment(ownerless, { amount: inr(100), ref: "wallet", actor: systemActor, now: T0 })).toThrow("no wallet");
  });

  it("refunds a cash-on-delivery order to the wallet at once, booked in the same decision", () => {
    const result = refundOrder(makeOrder({ paymentMethod: "cod", status: "delivered" }), refund(1000, "wallet"));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.afterCommit).toEqual([]);
    expect(result.value.order.payment.refunds[0]).toMatchObject({ status: "succeeded", settledAt: T0 });
    expect(result.value.effects[0]).toMatchObject({ type: "post_transfers", transfers: [{ id: "refund:rf-1", credit: "wallet:user-1", amount: inr(1000) }] });
  });

  it("prices returned units from the lines' final amounts", () => {
    const order = makeOrder({
      status: "delivered",
      lines: [makePricingLine({ variantId: "a", quantity: 3, unitPrice: inr(1000) }), makePricingLine({ variantId: "b", quantity: 1, unitPrice: inr(500) })],
    });
    expect(refundForUnits(order, [{ variantId: "a", quantity: 2 }])).toEqual({ ok: true, value: inr(2000) });
    expect(refundForUnits(order, [{ variantId: "a", quantity: 3 }, { variantId: "b", quantity: 1 }])).toEqual({ ok: true, value: inr(3500) });
    expect(refundForUnits(order, [{ variantId: "z", quantity: 1 }])).toEqual({ ok: false, error: { code: "UNKNOWN_LINE", variantId: "z" } });
    expect(refundForUnits(order, [{ variantId: "b", quantity: 2 }])).toEqual({ ok: false, error: { code: "QUANTITY_EXCEEDS_LINE", variantId: "b", ordered: 1 } });
  });
});

describe("payments arriving", () => {
  it("ignores a repeated webhook for the same capture", () => {
    const confirmed = makeOrder();
    const again = recordPaymentSuccess(confirmed, { amount: confirmed.total, ref: "pi_test", actor: systemActor, now: T0, settings });
    expect(again).toEqual({ ok: true, value: { order: confirmed, effects: [], afterCommit: [] } });
  });

  it("refuses a second, different capture beyond the amount due", () => {
    const confirmed = makeOrder();
    expect(recordPaymentSuccess(confirmed, { amount: confirmed.total, ref: "pi_other", actor: systemActor, now: T0, settings })).toMatchObject({
      ok: false,
      error: { code: "OVER_CAPTURE" },
    });
  });

  it("refunds money that arrives after the order was cancelled", () => {
    const pending = makeOrder({ status: "pending_payment" });
    const cancelled = applyOrderEvent(pending, { type: "cancel", reason: "x" }, { actor: shopperActor(), now: T0, settings });
    if (!cancelled.ok) throw new Error("cancel failed");
    const late = recordPaymentSuccess(cancelled.value.order, { amount: pending.total, ref: "pi_late", actor: systemActor, now: T0, settings });
    if (!late.ok) throw new Error(JSON.stringify(late.error));
    expect(late.value.order.status).toBe("cancelled");
    expect(late.value.order.payment.status).toBe("refunded");
    expect(late.value.afterCommit).toEqual([expect.objectContaining({ type: "refund", intentId: "pi_late", refundId: "order-1:late:pi_late" })]);
  });

  it("keeps an order payable after a declined card", () => {
    const pending = makeOrder({ status: "pending_payment" });
    const failed = recordPaymentFailure(pending, { reason: "card_declined", providerRef: "pi_1", actor: systemActor, now: T0 });
    expect(failed.order.status).toBe("pending_payment");
    expect(failed.order.payment.failedAttempts).toEqual([{ at: T0, reason: "card_declined", providerRef: "pi_1" }]);
    expect(failed.effects).toEqual([
      { type: "notify", notification: { template: "payment_failed", userId: "user-1", dedupeKey: "order:order-1:payment_failed:1", data: { orderId: "order-1", orderNumber: "BB-ORDER-1", reason: "card_declined" } } },
    ]);
    const paid = recordPaymentSuccess(failed.order, { amount: pending.total, ref: "pi_2", actor: systemActor, now: T0, settings });
    expect(paid.ok && paid.value.order.status).toBe("confirmed");
  });

  it("records a capture on a shipped order without moving it", () => {
    const shipped = makeOrder({ status: "shipped", paymentMethod: "cod" });
    const paid = recordPaymentSuccess(shipped, { amount: shipped.total, ref: "manual", actor: systemActor, now: T0, settings });
    expect(paid.ok && paid.value.order.status).toBe("shipped");
  });
});

describe("paying with the wallet", () => {
  const pending = makeOrder({ status: "pending_payment", paymentMethod: "wallet" });
  const pay = (balance: number) => payWithWallet(pending, { balance: inr(balance), actor: systemActor, now: T0, settings });

  it("debits the wallet into sales and confirms", () => {
    const paid = pay(pending.total.minor);
    if (!paid.ok) throw new Error(JSON.stringify(paid.error));
    expect(paid.value.order.status).toBe("confirmed");
    expect(paid.value.effects[0]).toEqual({
      type: "post_transfers",
      transfers: [expect.objectContaining({ id: "order:order-1:capture:wallet", debit: "wallet:user-1", credit: "platform:sales", kind: "order_payment" })],
    });
  });

  it("refuses when the balance is short, or the order is not a pending wallet order", () => {
    expect(pay(pending.total.minor - 1)).toEqual({ ok: false, error: { code: "INSUFFICIENT_FUNDS", balance: inr(pending.total.minor - 1), amount: pending.total } });
    expect(payWithWallet(makeOrder({ status: "pending_payment" }), { balance: inr(1e9), actor: systemActor, now: T0, settings }).ok).toBe(false);
    expect(payWithWallet(makeOrder({ paymentMethod: "wallet" }), { balance: inr(1e9), actor: systemActor, now: T0, settings }).ok).toBe(false);
  });
});
