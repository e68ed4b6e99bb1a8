import { describe, expect, it } from "vitest";
import type { Order } from "../order/order.js";
import type { OrderReturn } from "../order/order-return.js";
import type { RefundRecord } from "../payment/payment.js";
import { inr, makeOrder } from "../testing/builders.js";
import { creditedItems, documentsDue } from "./due.js";

const refund = (id: string, status: RefundRecord["status"]): RefundRecord => ({ id, amount: inr(100), destination: "wallet", reason: "r", at: new Date(0), status, settledAt: null });
const withRefunds = (order: Order, refunds: RefundRecord[]): Order => ({ ...order, payment: { ...order.payment, refunds } });

describe("documentsDue", () => {
  it("invoices an order once, when it is first confirmed", () => {
    const pending = makeOrder({ status: "pending_payment" });
    const confirmed = makeOrder({ status: "confirmed" });
    expect(documentsDue(null, confirmed).invoice).toBe(true);
    expect(documentsDue(null, pending).invoice).toBe(false);
    expect(documentsDue(pending, confirmed).invoice).toBe(true);
    expect(documentsDue(confirmed, { ...confirmed, status: "packed" }).invoice).toBe(false);
    expect(documentsDue(confirmed, confirmed).invoice).toBe(false);
  });

  it("books a credit note for each refund that succeeded in the change, never again", () => {
    const order = makeOrder({ status: "delivered" });
    const pending = withRefunds(order, [refund("a", "pending")]);
    const settled = withRefunds(order, [refund("a", "succeeded"), refund("b", "succeeded"), refund("c", "failed")]);
    expect(documentsDue(order, pending).creditNotes).toEqual([]);
    expect(documentsDue(pending, settled).creditNotes.map((r) => r.id)).toEqual(["a", "b"]);
    expect(documentsDue(settled, settled).creditNotes).toEqual([]);
  });
});

describe("creditedItems", () => {
  it("names the approved lines of the return a refund settled, and delivery when it came back", () => {
    const order = makeOrder({ status: "delivered" });
    const ret: OrderReturn = {
      id: "R1",
      status: "received",
      reason: "damaged",
      note: null,
      requestedAt: new Date(0),
      lines: [
        { variantId: "var-1", quantity: 1, approved: true, amount: inr(500), tax: inr(24) },
        { variantId: "var-2", quantity: 1, approved: false, amount: null, tax: null },
      ],
      delivery: inr(4900),
      amount: inr(5400),
      overrideReason: null,
      destination: "wallet",
      refundId: "ref-1",
      restocked: true,
    };
    const returned = { ...order, returns: [ret] };
    expect(creditedItems(returned, "ref-1")).toEqual([
      { itemRef: "var-1", grossMinor: 500, quantity: 1 },
      { itemRef: "delivery", grossMinor: 4900, quantity: 1 },
    ]);
    expect(creditedItems({ ...order, returns: [{ ...ret, delivery: inr(0) }] }, "ref-1")).toEqual([{ itemRef: "var-1", grossMinor: 500, quantity: 1 }]);
    expect(creditedItems(returned, "other")).toBeNull();
  });
});
