import { formatMoney, money, type Channel, type Notification, type NotificationTemplate } from "@bbscart/core";

type Data = Readonly<Record<string, string>>;
interface Template {
  subject: (d: Data) => string;
  /** The email body; the SMS is its first line. */
  body: (d: Data) => string[];
}

const order = (d: Data) => `order ${d.orderNumber ?? d.orderId ?? ""}`.trim();

/** Amounts travel as integer minor units (`amountMinor`, `totalMinor`); people read them formatted. */
const amount = (d: Data, key: "amountMinor" | "totalMinor" = "amountMinor") => {
  const minor = d[key];
  if (minor === undefined) return d.amount ?? "";
  return formatMoney(money(Number(minor), d.currency ?? "INR"));
};

/**
 * Where a refund went, in the shopper's words. A refund "to card" goes back the way the order was
 * paid — a card with Stripe, but with Razorpay just as often a UPI account, netbanking or a wallet
 * app — so it never says "card".
 */
const refundedTo = (d: Data) => (d.destination === "card" ? "the card or account you paid with" : `your ${d.destination ?? "account"}`);

const templates: Record<NotificationTemplate, Template> = {
  order_placed: { subject: (d) => `We received your ${order(d)}`, body: (d) => [`Thanks! Your ${order(d)} for ${amount(d, "totalMinor")} is placed.`, d.receipt ?? "", d.link ?? ""] },
  order_confirmed: { subject: (d) => `Your ${order(d)} is confirmed`, body: (d) => [`Your ${order(d)} is confirmed and will be packed soon.`, d.receipt ?? "", d.link ?? ""] },
  order_shipped: {
    subject: (d) => `Your ${order(d)} is on its way`,
    body: (d) => [`Your ${order(d)} has shipped with ${d.carrier ?? "our courier"} (tracking ${d.trackingNumber ?? "-"}).`, d.link ?? ""],
  },
  order_delivered: { subject: (d) => `Your ${order(d)} was delivered`, body: (d) => [`Your ${order(d)} was delivered. Enjoy!`, d.link ?? ""] },
  order_cancelled: { subject: (d) => `Your ${order(d)} was cancelled`, body: (d) => [`Your ${order(d)} was cancelled.`, d.reason ?? ""] },
  payment_failed: { subject: (d) => `Payment for your ${order(d)} did not go through`, body: (d) => [`The payment for your ${order(d)} failed; you can try again.`, d.link ?? ""] },
  return_requested: { subject: (d) => `Return requested for your ${order(d)}`, body: (d) => [`We received your return request for ${order(d)}.`] },
  return_approved: { subject: (d) => `Return approved for your ${order(d)}`, body: (d) => [`Your return for ${order(d)} is approved.`] },
  return_rejected: { subject: (d) => `Return declined for your ${order(d)}`, body: (d) => [`Your return for ${order(d)} was declined.`, d.reason ?? ""] },
  refund_issued: { subject: () => "Your refund is on its way", body: (d) => [`A refund of ${amount(d)} for ${order(d)} was issued to ${refundedTo(d)}.`] },
  wallet_credited: { subject: () => "Money added to your BBSCART wallet", body: (d) => [`${amount(d)} was added to your wallet.`] },
  wallet_debited: { subject: () => "Money taken from your BBSCART wallet", body: (d) => [`${amount(d)} was taken from your wallet.`] },
  password_reset: {
    subject: () => "Reset your BBSCART password",
    body: (d) => [
      `Reset your password: ${d.link ?? ""}`,
      `The link works once and expires in ${d.expiresInMinutes ?? "30"} minutes.`,
      "If you did not ask for this, ignore this message; your password stays as it is.",
    ],
  },
};

/** Subject and body of a notification on a channel; SMS gets the first line only, no subject. */
export function renderNotification(notification: Notification, channel: Channel): { subject: string | null; body: string } {
  const template = templates[notification.template];
  const lines = template.body(notification.data).filter((line) => line !== "");
  return channel === "email"
    ? { subject: template.subject(notification.data), body: `${lines.join("\n\n")}\n` }
    : { subject: null, body: lines[0] ?? "" };
}
