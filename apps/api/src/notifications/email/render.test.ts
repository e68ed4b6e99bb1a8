import { money, NOTIFICATION_TEMPLATES, type Notification, type NotificationTemplate } from "@bbscart/core";
import { describe, expect, it } from "vitest";
import { renderNotification } from "./render.js";
import { sampleNotification, sampleOrder } from "./samples.js";

const shopUrl = "https://shop.example";
const order = sampleOrder(shopUrl);
const notification = (template: NotificationTemplate, data: Record<string, string>): Notification => ({ template, userId: "u1", dedupeKey: "k", data });

/** The HTML's visible text, without tags and with entities for the characters React escapes decoded. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("emails from the one template set", () => {
  it.each(NOTIFICATION_TEMPLATES)("%s renders HTML and its plain-text alternative with nothing left unfilled", async (template) => {
    const email = await renderNotification(sampleNotification(template), "email", { order, shopUrl });
    expect(email.subject).toBeTruthy();
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    for (const part of [email.body, visible(email.html!), email.subject!]) expect(part).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it("an order email shows the order number, every row of the order page, the total and a working link, in both parts", async () => {
    const email = await renderNotification(notification("order_confirmed", { orderId: "o-1", orderNumber: "BB-10423" }), "email", { order, shopUrl });
    const html = visible(email.html!);
    for (const part of [html, email.body]) {
      expect(part).toContain("BB-10423");
      expect(part).toContain("Basmati Rice — 1 kg");
      expect(part).toContain("₹378.00");
      expect(part).toContain("− ₹67.70");
      expect(part).toContain("₹649.30");
      expect(part).toContain("₹52.10");
    }
    expect(email.html).toContain(`href="${shopUrl}/orders/sample"`);
    // The invoice is issued as the order is confirmed; its download sits on the order's page.
    expect(email.body).toContain(`Download your invoice: ${shopUrl}/orders/sample`);
    expect(html).toContain("Download your invoice");
    // The plain text keeps one "label: amount" line per row, so the rows still add up when read back.
    const amounts = [...email.body.matchAll(/^(.+): (−? ?₹[\d,.]+)$/gm)].map((m) => m[1]!);
    expect(amounts).toEqual(["2 × Basmati Rice — 1 kg @ ₹189.00", "1 × Chai Glasses — Set of 6 @ ₹299.00", "Discount (WELCOME10)", "Delivery", "Total"]);
  });

  it("escapes what shoppers and admins typed: a product name cannot add markup", async () => {
    const hostile = { ...order, receipt: { ...order.receipt, rows: [{ kind: "line" as const, variantId: "v", label: '<img src=x onerror="alert(1)">', quantity: 1, unitPrice: money(100, "INR"), amount: money(100, "INR") }] } };
    const email = await renderNotification(notification("order_placed", { orderId: "o-1", totalMinor: "100" }), "email", { order: hostile, shopUrl });
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x");
  });

  it("links a shipped parcel to its carrier's tracking page when the carrier is known, else to the order", async () => {
    const known = await renderNotification(notification("order_shipped", { orderId: "o-1", carrier: "Blue Dart", trackingNumber: "BD42" }), "email", { order, shopUrl });
    expect(known.body).toContain("Track your parcel: https://www.bluedart.com/web/guest/trackdartresult?trackFor=0&trackNo=BD42");
    const unknown = await renderNotification(notification("order_shipped", { orderId: "o-1", carrier: "Local Courier", trackingNumber: "7" }), "email", { order, shopUrl });
    expect(unknown.body).toContain(`View your order: ${shopUrl}/orders/sample`);
  });

  it("shows no order block where there is no order, and no second copy of a link the text already gives", async () => {
    const reset = await renderNotification(notification("password_reset", { resetId: "r", link: `${shopUrl}/reset-password?token=t` }), "email", { order, shopUrl });
    expect(reset.body).not.toContain("Total");
    expect(reset.body.match(/reset-password\?token=t/g)).toHaveLength(1);
    expect(reset.html).toContain(`href="${shopUrl}/reset-password?token=t"`);
    const noOrder = await renderNotification(notification("order_delivered", { orderId: "gone" }), "email", { order: null, shopUrl });
    expect(noOrder.body).toBe("Your order gone was delivered. Enjoy!\n");
  });

  it("formats amounts sent as minor units and never says \"card\" for a refund (Razorpay payments are often UPI)", async () => {
    const refund = await renderNotification(notification("refund_issued", { orderId: "o-1", amountMinor: "12345", destination: "card" }), "email", { order: null, shopUrl });
    expect(refund.body).toContain("A refund of ₹123.45 for order o-1 was issued to the card or account you paid with.");
    expect(refund.body).not.toMatch(/your card/);
  });

  it("sends an SMS as the first paragraph, without HTML", async () => {
    const sms = await renderNotification(notification("order_placed", { orderId: "o-1", orderNumber: "BB-7", totalMinor: "50000" }), "sms", { order, shopUrl });
    expect(sms).toEqual({ subject: null, body: "Thanks! Your order BB-7 for ₹500.00 is placed.", html: null });
  });
});
