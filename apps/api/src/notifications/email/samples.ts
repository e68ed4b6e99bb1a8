import { money, type Notification, type NotificationTemplate } from "@bbscart/core";
import type { EmailOrder } from "./order.js";

const inr = (minor: number) => money(minor, "INR");

/** A small order as every order email would show it: two lines, a coupon, delivery. */
export function sampleOrder(shopUrl: string): EmailOrder {
  return {
    number: "BB-10423",
    link: `${shopUrl}/orders/sample`,
    receipt: {
      rows: [
        { kind: "line", variantId: "v1", label: "Basmati Rice — 1 kg", quantity: 2, unitPrice: inr(18_900), amount: inr(37_800) },
        { kind: "line", variantId: "v2", label: "Chai Glasses — Set of 6", quantity: 1, unitPrice: inr(29_900), amount: inr(29_900) },
        { kind: "discount", label: "Discount (WELCOME10)", amount: inr(-6_770) },
        { kind: "delivery", label: "Delivery", amount: inr(4_000) },
      ],
      total: inr(64_930),
      taxIncluded: inr(5_210),
    },
  };
}

const sampleData: Record<NotificationTemplate, Record<string, string>> = {
  order_placed: { totalMinor: "64930" },
  order_confirmed: {},
  order_shipped: { carrier: "Delhivery", trackingNumber: "DL123456789IN" },
  order_delivered: {},
  order_cancelled: { reason: "The payment was not completed in time." },
  payment_failed: {},
  return_requested: {},
  return_approved: {},
  return_rejected: { reason: "The seal on the jar was broken." },
  refund_issued: { amountMinor: "18900", destination: "card" },
  wallet_credited: { amountMinor: "50000" },
  wallet_debited: { amountMinor: "64930" },
  password_reset: { link: "https://shop.example/reset-password?token=sample", expiresInMinutes: "30" },
};

/** Each template with believable data, for the admin's preview; nothing is sent. */
export function sampleNotification(template: NotificationTemplate): Notification {
  return { template, userId: "sample", dedupeKey: `sample:${template}`, data: { orderId: "sample", orderNumber: "BB-10423", ...sampleData[template] } };
}
