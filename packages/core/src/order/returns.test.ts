import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../account/user.js";
import { allocate } from "../money/allocate.js";
import { adminActor, inr, makeCoupon, makeOrder, makePricingLine, makeSettings, returnEverything, approveEverything, shopperActor, T0 } from "../testing/builders.js";
import { applyOrderEvent, type OrderEvent } from "./order.machine.js";
import type { Order } from "./order.js";
import { openReturn, quoteOpenReturn, quoteReturn, returnableUnits, returnsSummary } from "./returns.js";

const settings = makeSettings();
const delivered = (over: Parameters<typeof makeOrder>[0] = {}) => makeOrder({ status: "delivered", paymentMethod: "wallet", ...over });
const apply = (order: Order, event: OrderEvent, actor: Actor = adminActor, s = settings) => applyOrderEvent(order, event, { actor, now: T0, settings: s });
const must = (order: Order, event: OrderEvent, actor: Actor = adminActor, s = settings): Order => {
  const result = apply(order, event, actor, s);
  if (!result.ok) throw new Error(`${event.type}: ${JSON.stringify(result.error)}`);
  return result.value.order;
};
const request = (lines: { variantId: string; quantity: number }[]): OrderEvent => ({ type: "request_return", lines, reason: "damaged", note: "torn seam" });
const approve = (
  order: Order,
  decisions: Record<string, boolean>,
  override: { amountMinor: number; reason: string } | null = null,
  destination: "card" | "wallet" = order.payment.method === "card" ? "card" : "wallet",
): OrderEvent => ({ type: "approve_return", lines: Object.entries(decisions).map(([variantId, yes]) => ({ variantId, approve: yes })), destination, override });
const receive: OrderEvent = { type: "receive_return", restock: true };

/** Two lines (2 × ₹385.05 and 1 × ₹1,951.95) with WELCOME10 (10 % off) and a delivery fee. */
const couponOrder = () =>
  delivered({
    lines: [
      makePricingLine({ variantId: "a", sku: "A", name: "Scarf", quantity: 2, unitPrice: inr(38505), taxRateBp: 500 }),
      makePricingLine({ variantId: "b", sku: "B", name: "Kurta", quantity: 1, unitPrice: inr(195195), taxRateBp: 1200 }),
    ],
    coupon: makeCoupon(),
    settings: makeSettings({ deliveryOptions: [{ id: "standard", label: "Standard", feeMinor: 4900, freeOverMinor: null, etaDays: { min: 3, max: 5 } }] }),
  });

describe("returns by line: asking", () => {
  it("records which units of which lines, with the reason and free text", () => {
    const order = must(couponOrder(), request([{ variantId: "a", quantity: 1 }]), shopperActor());
    expect(order.status).toBe("return_requested");
    expect(order.returns).toEqual([
      expect.objectContaining({ id: "R1", status: "requested", reason: "damaged", note: "torn seam", requestedAt: T0, lines: [{ variantId: "a", quantity: 1, approved: null, amount: null, tax: null }] }),
    ]);
    expect(order.history.at(-1)).toMatchObject({ event: "request_return", note: "damaged: torn seam" });
    expect(returnableUnits(order, "a")).toBe(1);
  });

  it("refuses more units than are left, unknown lines and a line named twice, naming the selection", () => {
    const order = couponOrder();
    expect(apply(order, request([{ variantId: "b", quantity: 1 }, { variantId: "a", quantity: 3 }]), shopperActor())).toEqual({
      ok: false,
      error: { code: "RETURN_EXCEEDS_UNITS", index: 1, variantId: "a", returnable: 2 },
    });
    expect(apply(order, request([{ variantId: "z", quantity: 1 }]), shopperActor())).toMatchObject({ ok: false, error: { code: "RETURN_LINE_UNKNOWN", index: 0 } });
    expect(apply(order, request([{ variantId: "a", quantity: 1 }, { variantId: "a", quantity: 1 }]), shopperActor())).toMatchObject({
      ok: false,
      error: { code: "RETURN_LINE_REPEATED", index: 1 },
    });
  });

  it("counts units already returned or asked for, frees rejected ones, and stops when nothing is left", () => {
    let order = must(couponOrder(), request([{ variantId: "a", quantity: 1 }]), shopperActor());
    order = must(order, { type: "reject_return", reason: "worn" });
    expect(returnableUnits(order, "a")).toBe(2);
    order = must(order, request([{ variantId: "a", quantity: 2 }]), shopperActor());
    order = must(order, approve(order, { a: true }));
    order = must(order, receive);
    expect(apply(order, request([{ variantId: "a", quantity: 1 }]), shopperActor())).toMatchObject({ ok: false, error: { code: "RETURN_EXCEEDS_UNITS", returnable: 0 } });
    order = must(order, request([{ variantId: "b", quantity: 1 }]), shopperActor());
    order = must(order, approveEverything(order));
    order = must(order, receive);
    expect(apply(order, request([{ variantId: "b", quantity: 1 }]), shopperActor())).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "request_return", reason: "nothing_to_return" },
    });
  });
});

describe("returns by line: the computed refund", () => {
  it("gives back what the returned units paid: their share of the coupon and tax, without delivery", () => {
    const order = couponOrder();
    const lineA = order.lines[0]!;
    const asked = must(order, request([{ variantId: "a", quantity: 1 }]), shopperActor());
    const approved = must(asked, approve(asked, { a: true }));
    const [first] = allocate(lineA.total, [1, 1]);
    const [firstTax] = allocate(lineA.tax, [1, 1]);
    expect(approved.returns[0]).toMatchObject({ status: "approved", amount: first, delivery: inr(0), destination: "wallet", lines: [{ approved: true, amount: first, tax: firstTax }] });
    // 2 × ₹385.05 less 10 % over both lines: the first unit paid half the line's discounted total.
    expect(first).toEqual(inr(34655));
    const received = must(approved, receive);
    expect(received.payment.refunded).toEqual(first);
    expect(received.payment.refunds[0]).toMatchObject({ id: `${order.id}:return:R1`, amount: first, status: "succeeded" });
    expect(received.returns[0]).toMatchObject({ status: "received", refundId: `${order.id}:return:R1`, restocked: true });
  });

  it("refunds delivery with the return that completes everything, and only then", () => {
    let order = couponOrder();
    order = must(order, request([{ variantId: "a", quantity: 2 }]), shopperActor());
    const partial = must(order, approve(order, { a: true }));
    expect(partial.returns[0]!.delivery).toEqual(inr(0));
    order = must(partial, receive);
    order = must(order, request([{ variantId: "b", quantity: 1 }]), shopperActor());
    order = must(order, approve(order, { b: true }));
    expect(order.returns[1]!.delivery).toEqual(order.deliveryFee);
    order = must(order, receive);
    expect(order.payment.refunded).toEqual(order.total);
    expect(order.payment.status).toBe("refunded");
  });

  it("decides per line: a rejected line is not refunded and its units may be asked for again", () => {
    let order = couponOrder();
    order = must(order, request([{ variantId: "a", quantity: 1 }, { variantId: "b", quantity: 1 }]), shopperActor());
    const quote = quoteReturn(order, openReturn(order)!, new Set(["b"]));
    order = must(order, approve(order, { a: false, b: true }));
    expect(order.returns[0]).toMatchObject({ amount: quote.total, lines: [{ variantId: "a", approved: false, amount: null }, { variantId: "b", approved: true }] });
    expect(returnableUnits(order, "a")).toBe(2);
    expect(returnableUnits(order, "b")).toBe(0);
  });

  it("takes an override with its reason, within what can still be refunded, and keeps the computed lines", () => {
    const order = must(couponOrder(), request([{ variantId: "a", quantity: 1 }]), shopperActor());
    const overridden = must(order, approve(order, { a: true }, { amountMinor: 40000, reason: "courier fee refunded too" }));
    expect(overridden.returns[0]).toMatchObject({ amount: inr(40000), overrideReason: "courier fee refunded too" });
    expect(overridden.history.at(-1)).toMatchObject({ event: "approve_return", note: "amount overridden: courier fee refunded too" });
    const received = must(overridden, receive);
    const summary = returnsSummary(received);
    expect(summary.total).toEqual(inr(40000));
    expect(summary.adjustments.minor).toBe(40000 - received.returns[0]!.lines[0]!.amount!.minor);
    expect(apply(order, approve(order, { a: true }, { amountMinor: order.total.minor + 1, reason: "too much" }))).toMatchObject({
      ok: false,
      error: { code: "RETURN_EXCEEDS_REFUNDABLE", override: true },
    });
  });

  it("needs a decision on every line, at least one approval, and the refunds permission", () => {
    const order = must(couponOrder(), request([{ variantId: "a", quantity: 1 }, { variantId: "b", quantity: 1 }]), shopperActor());
    expect(apply(order, approve(order, { a: true }))).toMatchObject({ ok: false, error: { code: "RETURN_DECISIONS_MISMATCH", expected: ["a", "b"] } });
    expect(apply(order, approve(order, { a: false, b: false }))).toEqual({ ok: false, error: { code: "RETURN_NONE_APPROVED" } });
    const clerk: Actor = { kind: "admin", userId: "clerk", permissions: ["orders.manage"] };
    expect(apply(order, approve(order, { a: true, b: true }), clerk)).toEqual({
      ok: false,
      error: { code: "GUARD_FAILED", event: "approve_return", reason: "missing_permission" },
    });
    expect(apply(order, approve(order, { a: true, b: true }, null, "card"))).toMatchObject({ ok: false, error: { code: "REFUND_DESTINATION_UNAVAILABLE" } });
  });
});

describe("returns by line: properties", () => {
  const line = (i: number) =>
    fc
      .record({ quantity: fc.integer({ min: 1, max: 5 }), price: fc.integer({ min: 1, max: 300_000 }), taxRateBp: fc.constantFrom(0, 500, 1200, 1800, 2800) })
      .map(({ quantity, price, taxRateBp }) => makePricingLine({ variantId: `v${i}`, sku: `S${i}`, quantity, unitPrice: inr(price), taxRateBp }));
  const orderArb = fc
    .record({
      lines: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => line(i)))),
      coupon: fc.option(
        fc.oneof(
          fc.integer({ min: 1, max: 10_000 }).map((percentBp) => makeCoupon({ kind: "percentage", percentBp })),
          fc.integer({ min: 1, max: 100_000 }).map((amount) => makeCoupon({ kind: "fixed", amount: inr(amount) })),
        ),
      ),
      // At least a paisa of delivery: a coupon can take the lines to zero, and an order with nothing to pay has no payment to refund.
      feeMinor: fc.integer({ min: 1, max: 20_000 }),
      method: fc.constantFrom("wallet" as const, "card" as const, "cod" as const),
    })
    .map(({ lines, coupon, feeMinor, method }) =>
      delivered({
        lines,
        coupon,
        paymentMethod: method,
        settings: makeSettings({ deliveryOptions: [{ id: "standard", label: "Standard", feeMinor, freeOverMinor: null, etaDays: { min: 3, max: 5 } }] }),
      }),
    );
  /** A return: for each line, units to ask for (0 = not this line) and whether the admin approves it. */
  const roundArb = fc.record({ picks: fc.array(fc.record({ units: fc.nat({ max: 5 }), approve: fc.boolean() }), { minLength: 4, maxLength: 4 }), reject: fc.boolean() });

  /** Runs rounds of asking, deciding and receiving; returns the order and what each line was refunded. */
  function run(start: Order, rounds: readonly { picks: readonly { units: number; approve: boolean }[]; reject: boolean }[]): Order {
    let order = start;
    for (const round of rounds) {
      const lines = order.lines
        .map((l, i) => ({ variantId: l.variantId, quantity: Math.min(round.picks[i]?.units ?? 0, returnableUnits(order, l.variantId)), approve: round.picks[i]?.approve ?? false }))
        .filter((l) => l.quantity > 0);
      if (lines.length === 0) continue;
      order = must(order, request(lines.map(({ variantId, quantity }) => ({ variantId, quantity }))), shopperActor());
      if (round.reject || !lines.some((l) => l.approve)) {
        order = must(order, { type: "reject_return", reason: "not eligible" });
        continue;
      }
      order = must(order, approve(order, Object.fromEntries(lines.map((l) => [l.variantId, l.approve]))));
      order = must(order, receive);
    }
    return order;
  }

  it("any sequence of partial returns refunds at most what each line and the order paid", () => {
    fc.assert(
      fc.property(orderArb, fc.array(roundArb, { maxLength: 6 }), (start, rounds) => {
        const order = run(start, rounds);
        const summary = returnsSummary(order);
        for (const [i, l] of summary.lines.entries()) expect(l.refunded.minor).toBeLessThanOrEqual(order.lines[i]!.total.minor);
        expect(summary.total.minor).toBeLessThanOrEqual(order.total.minor);
        expect(order.payment.refunded).toEqual(summary.total);
        // The credit rows add up: lines, delivery and (here, no) adjustments.
        expect(summary.adjustments.minor).toBe(0);
        expect(summary.lines.reduce((a, l) => a + l.refunded.minor, 0) + summary.delivery.minor).toBe(summary.total.minor);
      }),
    );
  });

  it("returning everything, in any number of partial returns, refunds exactly the total paid", () => {
    fc.assert(
      fc.property(orderArb, fc.array(roundArb, { maxLength: 4 }), (start, rounds) => {
        const approvedRounds = rounds.map((r) => ({ reject: false, picks: r.picks.map((p) => ({ ...p, approve: true })) }));
        let order = run(start, approvedRounds);
        // Whatever is left comes back in one last return.
        if (order.lines.some((l) => returnableUnits(order, l.variantId) > 0)) {
          order = must(order, returnEverythingLeft(order), shopperActor());
          order = must(order, approveEverything(order));
          order = must(order, receive);
        }
        expect(order.payment.refunded).toEqual(order.total);
        expect(returnsSummary(order).total).toEqual(order.total);
        expect(returnsSummary(order).delivery).toEqual(order.deliveryFee);
      }),
    );
  });
});

/** The shopper asks back every unit still returnable. */
function returnEverythingLeft(order: Order): OrderEvent {
  const all = returnEverything(order);
  if (all.type !== "request_return") throw new Error("returnEverything builds a request");
  return { ...all, lines: order.lines.map((l) => ({ variantId: l.variantId, quantity: returnableUnits(order, l.variantId) })).filter((l) => l.quantity > 0) };
}

describe("returns by line: the quote shown before approving", () => {
  it("prices the lines the admin means to approve, and refuses lines the return lacks or when none awaits a decision", () => {
    const order = must(couponOrder(), request([{ variantId: "a", quantity: 1 }, { variantId: "b", quantity: 1 }]), shopperActor());
    const quote = quoteOpenReturn(order, ["a"]);
    expect(quote).toEqual({ ok: true, value: quoteReturn(order, openReturn(order)!, new Set(["a"])) });
    expect(quoteOpenReturn(order, ["a", "z"])).toEqual({ ok: false, error: { code: "RETURN_LINE_UNKNOWN", index: 1, variantId: "z" } });
    expect(quoteOpenReturn(couponOrder(), ["a"])).toEqual({ ok: false, error: { code: "NO_RETURN_TO_DECIDE" } });
  });
});
