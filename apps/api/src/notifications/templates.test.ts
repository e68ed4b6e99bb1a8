import { describe, expect, it } from "vitest";
import { renderNotification } from "./templates.js";

const notification = (template: "refund_issued" | "order_placed", data: Record<string, string>) => ({ template, userId: "u1", dedupeKey: "k", data });

describe("notification templates", () => {
  it("formats amounts sent as minor units", () => {
    const refund = renderNotification(notification("refund_issued", { orderId: "o-1", amountMinor: "12345", destination: "wallet" }), "email");
    expect(refund.body).toContain("A refund of ₹123.45 for order o-1 was issued to your wallet.");
    const placed = renderNotification(notification("order_placed", { orderId: "o-1", totalMinor: "50000" }), "sms");
    expect(placed).toEqual({ subject: null, body: "Thanks! Your order o-1 for ₹500.00 is placed." });
  });

  it("says a refund went back the way the order was paid, never \"card\" (Razorpay payments are often UPI or netbanking)", () => {
    const refund = renderNotification(notification("refund_issued", { orderId: "o-1", amountMinor: "5000", destination: "card" }), "email");
    expect(refund.body).toContain("A refund of ₹50.00 for order o-1 was issued to the card or account you paid with.");
    expect(refund.body).not.toMatch(/your card/);
  });
});
