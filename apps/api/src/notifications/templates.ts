import { formatMoney, money, type NotificationTemplate } from "@bbscart/core";

export type Data = Readonly<Record<string, string>>;

/**
 * What one message says, whatever it is rendered into: the HTML email, its plain-text part and the
 * SMS (the first paragraph) all come from these, so the three never disagree.
 */
export interface Template {
  subject: (d: Data) => string;
  /** A line above the paragraphs in the HTML email. */
  heading: (d: Data) => string;
  paragraphs: (d: Data) => string[];
  /** The button, when the message has one place to go; `d.link` is filled in at send time. */
  action?: (d: Data) => { label: string; url: string } | null;
  /** Whether the order's lines and totals are shown (an order message with an order at hand). */
  showsOrder: boolean;
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

const viewOrder = (d: Data) => (d.link ? { label: "View your order", url: d.link } : null);

const orderMessage = (subject: (d: Data) => string, paragraphs: (d: Data) => string[], heading: (d: Data) => string = subject): Template => ({
  subject,
  heading,
  paragraphs,
  action: viewOrder,
  showsOrder: true,
});

export const templates: Record<NotificationTemplate, Template> = {
  order_placed: orderMessage(
    (d) => `We received your ${order(d)}`,
    (d) => [`Thanks! Your ${order(d)} for ${amount(d, "totalMinor")} is placed.`],
    () => "Thanks for your order",
  ),
  // Confirming issues the tax invoice in the same unit of work (decision 150), so it is there to download when this is read.
  order_confirmed: {
    ...orderMessage(
      (d) => `Your ${order(d)} is confirmed`,
      (d) => [`Your ${order(d)} is confirmed and will be packed soon.`, "Your tax invoice is ready: download it from your order's page."],
    ),
    action: (d) => (d.link ? { label: "Download your invoice", url: d.link } : null),
  },
  order_shipped: {
    ...orderMessage(
      (d) => `Your ${order(d)} is on its way`,
      (d) => [`Your ${order(d)} has shipped with ${d.carrier ?? "our courier"} (tracking ${d.trackingNumber ?? "-"}).`],
    ),
    // Where the carrier is known, the parcel's own page is the more useful place to go.
    action: (d) => (d.trackingLink ? { label: "Track your parcel", url: d.trackingLink } : viewOrder(d)),
  },
  order_delivered: orderMessage(
    (d) => `Your ${order(d)} was delivered`,
    (d) => [`Your ${order(d)} was delivered. Enjoy!`],
  ),
  order_cancelled: orderMessage(
    (d) => `Your ${order(d)} was cancelled`,
    (d) => [`Your ${order(d)} was cancelled.`, d.reason ?? ""],
  ),
  payment_failed: {
    ...orderMessage(
      (d) => `Payment for your ${order(d)} did not go through`,
      (d) => [`The payment for your ${order(d)} failed; you can try again from your order.`],
    ),
    action: (d) => (d.link ? { label: "Pay for your order", url: d.link } : null),
  },
  return_requested: orderMessage(
    (d) => `Return requested for your ${order(d)}`,
    (d) => [`We received your return request for ${order(d)}.`],
  ),
  return_approved: orderMessage(
    (d) => `Return approved for your ${order(d)}`,
    (d) => [`Your return for ${order(d)} is approved.`, "Your refund follows once the items reach us."],
  ),
  return_rejected: orderMessage(
    (d) => `Return declined for your ${order(d)}`,
    (d) => [`Your return for ${order(d)} was declined.`, d.reason ?? ""],
  ),
  refund_issued: orderMessage(
    () => "Your refund is on its way",
    (d) => [`A refund of ${amount(d)} for ${order(d)} was issued to ${refundedTo(d)}.`],
  ),
  wallet_credited: {
    subject: () => "Money added to your BBSCART wallet",
    heading: () => "Money added to your wallet",
    paragraphs: (d) => [`${amount(d)} was added to your wallet.`],
    showsOrder: false,
  },
  wallet_debited: {
    subject: () => "Money taken from your BBSCART wallet",
    heading: () => "Money taken from your wallet",
    paragraphs: (d) => [`${amount(d)} was taken from your wallet.`],
    showsOrder: false,
  },
  password_reset: {
    subject: () => "Reset your BBSCART password",
    heading: () => "Reset your password",
    paragraphs: (d) => [
      `Reset your password: ${d.link ?? ""}`,
      `The link works once and expires in ${d.expiresInMinutes ?? "30"} minutes.`,
      "If you did not ask for this, ignore this message; your password stays as it is.",
    ],
    action: (d) => (d.link ? { label: "Choose a new password", url: d.link } : null),
    showsOrder: false,
  },
};

/** A template's paragraphs without the empty ones an absent optional value leaves. */
export function paragraphsOf(template: Template, d: Data): string[] {
  return template.paragraphs(d).filter((line) => line !== "");
}
