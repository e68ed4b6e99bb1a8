import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../account/user.js";
import { adminActor, inr, makeCoupon, makeOrder, makeSettings, returnEverything, shopperActor, systemActor, T0 } from "../testing/builders.js";
import { ORDER_STATUSES, type Order, type OrderEventType, type OrderStatus, type Transition } from "./order.js";
import { applyOrderEvent, availableEvents, isTerminal, ruleFor, transitionsFrom, type OrderEvent } from "./order.machine.js";
import { refundOrder } from "./order.payment.js";
import { recordPaymentFailure } from "./order.payment.js";
import { recordPaymentSuccess } from "./order.settlement.js";

const settings = makeSettings();
const at = (iso: string) => new Date(iso);
const apply = (order: Order, event: OrderEvent, actor: Actor = adminActor, now = T0) => applyOrderEvent(order, event, { actor, now, settings });
const value = (result: { ok: true; value: Transition } | { ok: false; error: unknown }): Transition => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe("order state machine: the table", () => {
  it("only names known statuses", () => {
    for (const status of ORDER_STATUSES) {
      for (const rule of transitionsFrom(status)) expect(ORDER_STATUSES).toContain(rule.to);
    }
  });

  it("reaches every status from pending_payment", () => {
    const seen = new Set<OrderStatus>(["pending_payment"]);
    const queue: OrderStatus[] = ["pending_payment"];
    for (let status = queue.shift(); status; status = queue.shift()) {
      for (const rule of transitionsFrom(status)) {
        if (!seen.has(rule.to)) {
          seen.add(rule.to);
          queue.push(rule.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it("has exactly these terminal statuses", () => {
    // A settled return leads on to the next one while units remain: only cancellation ends an order for good.
    expect(ORDER_STATUSES.filter(isTerminal).sort()).toEqual(["cancelled"]);
    expect(ruleFor("cancelled", "confirm")).toBeNull();
  });
});

describe("order state machine: decisions", () => {
  it("confirms a paid card order, committing stock and announcing it", () => {
    const pending = makeOrder({ status: "pending_payment" });
    expect(apply(pending, { type: "confirm" }, systemActor)).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "confirm", reason: "payment_not_captured" },
    });
    const paid = value(recordPaymentSuccess(pending, { amount: pending.total, ref: "pi_1", actor: systemActor, now: T0, settings }));
    expect(paid.order.status).toBe("confirmed");
    expect(paid.order.payment.status).toBe("paid");
    expect(paid.order.expiresAt).toBeNull();
    expect(paid.effects.map((e) => e.type)).toEqual(["post_transfers", "commit_stock", "notify"]);
    expect(paid.order.history.map((h) => (h.kind === "status" ? h.to : h.event))).toEqual(["pending_payment", "captured", "confirmed"]);
  });

  it("refuses transitions the table lacks and actors it does not list", () => {
    const confirmed = makeOrder();
    expect(apply(confirmed, { type: "deliver" })).toEqual({ ok: false, error: { code: "INVALID_TRANSITION", from: "confirmed", event: "deliver" } });
    expect(apply(confirmed, { type: "pack" }, shopperActor())).toEqual({ ok: false, error: { code: "NOT_ALLOWED", actor: "shopper", event: "pack" } });
  });

  it("lets shoppers act only on their own orders and admins only with orders.manage", () => {
    const confirmed = makeOrder();
    const cancel = { type: "cancel", reason: "no" } as const;
    expect(apply(confirmed, cancel, shopperActor("someone-else"))).toEqual({ ok: false, error: { code: "GUARD_FAILED", event: "cancel", reason: "not_owner" } });
    expect(apply(confirmed, cancel, { kind: "admin", userId: "a2", permissions: [] })).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "cancel", reason: "missing_permission" },
    });
  });

  it("ships with tracking and delivers", () => {
    const shipped = value(apply(makeOrder({ status: "packed" }), { type: "ship", carrier: "BlueDart", trackingNumber: "BD9" }));
    expect(shipped.order.tracking).toEqual({ carrier: "BlueDart", trackingNumber: "BD9" });
    expect(shipped.effects).toEqual([
      { type: "notify", notification: { template: "order_shipped", userId: "user-1", dedupeKey: "order:order-1:shipped", data: { orderId: "order-1", orderNumber: "BB-ORDER-1", carrier: "BlueDart", trackingNumber: "BD9" } } },
    ]);
    const delivered = value(apply(shipped.order, { type: "deliver" }, systemActor, at("2025-01-18T10:00:00Z")));
    expect(delivered.order.deliveredAt).toEqual(at("2025-01-18T10:00:00Z"));
    expect(delivered.order.payment.status).toBe("paid");
  });

  it("collects cash on delivery at delivery, posting it to the ledger", () => {
    const cod = makeOrder({ paymentMethod: "cod", status: "shipped" });
    expect(cod.payment.status).toBe("unpaid");
    const delivered = value(apply(cod, { type: "deliver" }));
    expect(delivered.order.payment.status).toBe("paid");
    expect(delivered.effects).toContainEqual({
      type: "post_transfers",
      transfers: [expect.objectContaining({ debit: "platform:cod_receivable", credit: "platform:sales", kind: "cod_collection", amount: cod.total })],
    });
  });

  it("cancels an unpaid order: releases stock and coupon, cancels the intent after commit", () => {
    const pending = { ...makeOrder({ status: "pending_payment", coupon: makeCoupon() }), payment: { ...makeOrder({ status: "pending_payment" }).payment, providerIntentId: "pi_1" } };
    const cancelled = value(apply(pending, { type: "cancel", reason: "changed my mind" }, shopperActor()));
    expect(cancelled.order.status).toBe("cancelled");
    expect(cancelled.order.cancelReason).toBe("changed my mind");
    expect(cancelled.effects.map((e) => e.type)).toEqual(["release_stock", "release_coupon", "notify"]);
    expect(cancelled.afterCommit).toEqual([{ type: "cancel_intent", intentId: "pi_1", idempotencyKey: "order:order-1:cancel-intent" }]);
  });

  it("cancels a paid order: restocks and refunds in full to the original method", () => {
    const card = value(apply(makeOrder({ status: "packed" }), { type: "cancel", reason: "warehouse damage" }));
    // The card refund is reserved (pending) now and booked when the provider confirms it.
    expect(card.effects.map((e) => e.type)).toEqual(["restock", "notify"]);
    expect(card.order.payment.status).toBe("refunded");
    expect(card.afterCommit).toEqual([{ type: "refund", intentId: "pi_test", refundId: "order-1:cancellation", amount: card.order.total, idempotencyKey: "refund:order-1:cancellation" }]);
    const wallet = value(apply(makeOrder({ paymentMethod: "wallet" }), { type: "cancel", reason: "x" }, shopperActor()));
    expect(wallet.afterCommit).toEqual([]);
    expect(wallet.effects).toContainEqual({ type: "post_transfers", transfers: [expect.objectContaining({ credit: "wallet:user-1", kind: "refund" })] });
  });

  it("expires unpaid orders only after the payment window", () => {
    const pending = makeOrder({ status: "pending_payment" });
    const early = apply(pending, { type: "expire" }, systemActor, at("2025-01-15T10:29:59Z"));
    expect(early).toEqual({ ok: false, error: { code: "GUARD_FAILED", event: "expire", reason: "not_expired" } });
    const expired = value(apply(pending, { type: "expire" }, systemActor, at("2025-01-15T10:30:00Z")));
    expect(expired.order.status).toBe("cancelled");
    expect(expired.effects[0]).toEqual({ type: "release_stock", items: [{ variantId: "var-1", sku: "KURTA-BLU-M", quantity: 1 }] });
    expect(apply({ ...pending, expiresAt: null }, { type: "expire" }, systemActor).ok).toBe(false);
  });

  it("releases an unpaid order at once when the provider cancels its payment, without cancelling the intent again", () => {
    const pending = makeOrder({ status: "pending_payment", paymentMethod: "card" });
    const withIntent = { ...pending, payment: { ...pending.payment, providerIntentId: "pi_gone" } };
    const released = value(apply(withIntent, { type: "payment_cancelled" }, systemActor, at("2025-01-15T10:00:00Z")));
    expect(released.order).toMatchObject({ status: "cancelled", cancelReason: "payment cancelled by the payment provider", expiresAt: null });
    expect(released.effects[0]).toEqual({ type: "release_stock", items: [{ variantId: "var-1", sku: "KURTA-BLU-M", quantity: 1 }] });
    expect(released.afterCommit).toEqual([]);
    expect(apply(withIntent, { type: "payment_cancelled" }, shopperActor())).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED" } });
    const partly = { ...withIntent, payment: { ...withIntent.payment, captured: inr(1) } };
    expect(apply(partly, { type: "payment_cancelled" }, systemActor)).toEqual({ ok: false, error: { code: "GUARD_FAILED", event: "payment_cancelled", reason: "already_paid" } });
  });

  it("does not expire an order whose money arrived", () => {
    const pending = makeOrder({ status: "pending_payment" });
    const partly = { ...pending, payment: { ...pending.payment, captured: inr(1) } };
    expect(apply(partly, { type: "expire" }, systemActor, at("2026-01-01T00:00:00Z"))).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "expire", reason: "already_paid" },
    });
  });

  it("accepts return requests only within the window after delivery", () => {
    const delivered = makeOrder({ status: "delivered" });
    const request = returnEverything(delivered);
    expect(apply(delivered, request, shopperActor(), at("2025-01-22T10:00:00Z")).ok).toBe(true);
    expect(apply(delivered, request, shopperActor(), at("2025-01-22T10:00:01Z"))).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "request_return", reason: "return_window_closed" },
    });
  });

  it("records the restock decision when a return arrives, and refunds the approved amount", () => {
    const approved = makeOrder({ status: "return_approved", paymentMethod: "wallet" });
    const kept = value(apply(approved, { type: "receive_return", restock: false }));
    expect(kept.order.returns[0]).toMatchObject({ status: "received", restocked: false });
    expect(kept.effects.map((e) => e.type)).toEqual(["post_transfers", "notify"]);
    expect(kept.order.payment.refunds).toEqual([expect.objectContaining({ id: "order-1:return:R1", amount: approved.total, destination: "wallet", status: "succeeded" })]);
    const restocked = value(apply(approved, { type: "receive_return", restock: true }));
    expect(restocked.effects[0]).toEqual({ type: "restock", items: [{ variantId: "var-1", sku: "KURTA-BLU-M", quantity: 1 }] });
    expect(restocked.order.history.filter((h) => h.kind === "status").at(-1)).toMatchObject({ from: "return_approved", to: "return_received", note: "restocked" });
    expect(restocked.order.history.at(-1)).toMatchObject({ kind: "payment", event: "refunded", amount: approved.total, note: "return R1" });
    expect(makeOrder({ status: "return_rejected" }).history.at(-1)).toMatchObject({ note: "worn" });
  });

  it("lists what an actor may do now", () => {
    expect(availableEvents(makeOrder(), { actor: adminActor, now: T0, settings })).toEqual(["pack", "cancel"]);
    expect(availableEvents(makeOrder(), { actor: shopperActor(), now: T0, settings })).toEqual(["cancel"]);
    expect(availableEvents(makeOrder(), { actor: shopperActor("other"), now: T0, settings })).toEqual([]);
    // Before its expiry the system may only release an unpaid order whose payment the provider cancelled.
    expect(availableEvents(makeOrder({ status: "pending_payment" }), { actor: systemActor, now: T0, settings })).toEqual(["payment_cancelled"]);
  });
});

describe("order state machine: properties", () => {
  const actors: Actor[] = [adminActor, systemActor, shopperActor(), shopperActor("stranger")];
  const event: fc.Arbitrary<OrderEvent> = fc.oneof(
    fc.constantFrom<OrderEvent>(
      { type: "confirm" },
      { type: "pack" },
      { type: "ship", carrier: "DTDC", trackingNumber: "D1" },
      { type: "deliver" },
      { type: "cancel", reason: "r" },
      { type: "expire" },
      { type: "payment_cancelled" },
      { type: "request_return", lines: [{ variantId: "var-1", quantity: 1 }], reason: "other", note: null },
      { type: "approve_return", lines: [{ variantId: "var-1", approve: true }], destination: "wallet", override: null },
      { type: "reject_return", reason: "r" },
    ),
    fc.boolean().map((restock): OrderEvent => ({ type: "receive_return", restock })),
  );
  type Step =
    | { kind: "event"; event: OrderEvent; actor: Actor; minutes: number }
    | { kind: "pay"; ref: string; minutes: number }
    | { kind: "fail"; minutes: number }
    | { kind: "refund"; minor: number; minutes: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("event" as const), event, actor: fc.constantFrom(...actors), minutes: fc.nat({ max: 6000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("pay" as const), ref: fc.constantFrom("pi_a", "pi_b"), minutes: fc.nat({ max: 60 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("fail" as const), minutes: fc.nat({ max: 60 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("refund" as const), minor: fc.integer({ min: 1, max: 200000 }), minutes: fc.nat({ max: 60 }) }) },
  );

  it("random event sequences never leave the table, keep history, and never refund beyond captures", () => {
    fc.assert(
      fc.property(fc.constantFrom("card", "wallet", "cod" as const), fc.array(step, { maxLength: 40 }), (method, steps) => {
        let order = makeOrder({ status: "pending_payment", paymentMethod: method });
        let now = T0.getTime();
        for (const s of steps) {
          now += s.minutes * 60_000;
          const ctx = { now: new Date(now), settings };
          const before = order;
          const result =
            s.kind === "event"
              ? applyOrderEvent(order, s.event, { ...ctx, actor: s.actor })
              : s.kind === "pay"
                ? recordPaymentSuccess(order, { ...ctx, amount: order.total, ref: s.ref, actor: systemActor })
                : s.kind === "fail"
                  ? { ok: true as const, value: recordPaymentFailure(order, { ...ctx, reason: "declined", providerRef: null, actor: systemActor }) }
                  : refundOrder(order, { ...ctx, refundId: `r${now}`, amount: inr(s.minor), destination: "wallet", reason: "r", actor: adminActor });
          if (!result.ok) {
            expect(order).toBe(before);
            continue;
          }
          order = result.value.order;
          if (s.kind === "event" && before.status !== order.status) {
            expect(ruleFor(before.status, s.event.type)?.to).toBe(order.status);
          }
          if (isTerminal(before.status)) expect(order.status).toBe(before.status);
          expect(ORDER_STATUSES).toContain(order.status);
          expect(order.history.length).toBeGreaterThanOrEqual(before.history.length);
          expect(order.version).toBeGreaterThanOrEqual(before.version);
          const { captured, refunded, amountDue } = order.payment;
          expect(refunded.minor).toBeLessThanOrEqual(captured.minor);
          expect(captured.minor).toBeLessThanOrEqual(amountDue.minor);
          expect(order.payment.refunds.reduce((a, r) => a + r.amount.minor, 0)).toBe(refunded.minor);
          if (order.status === "cancelled") expect(refunded.minor).toBe(captured.minor);
        }
        const statusChanges = order.history.filter((h) => h.kind === "status");
        for (const [i, h] of statusChanges.entries()) {
          if (i > 0 && h.kind === "status") expect(h.from).toBe((statusChanges[i - 1] as { to: OrderStatus }).to);
        }
      }),
    );
  });

  it("no event leaves a terminal status (property)", () => {
    const terminal = [makeOrder({ status: "cancelled" })];
    fc.assert(
      fc.property(fc.constantFrom(...terminal), event, fc.constantFrom(...actors), (order, e, actor) => {
        expect(applyOrderEvent(order, e, { actor, now: T0, settings })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
      }),
    );
  });

  it("every event type appears in the table", () => {
    const used = new Set<OrderEventType>(ORDER_STATUSES.flatMap((s) => transitionsFrom(s).map((t) => t.event)));
    expect(used.size).toBe(11);
  });
});
