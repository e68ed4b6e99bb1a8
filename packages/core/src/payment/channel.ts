import type { Payment } from "./payment.js";

/**
 * How an order was paid, as far as the shop can tell: `card` covers every payment through the
 * provider, so the console needs the provider to name it. A Stripe PaymentIntent (`pi_…`) only
 * takes cards; a Razorpay Order (`order_…`) may have been paid by UPI, card or netbanking, and the
 * instrument is not recorded, so it is an `online` payment — as is a provider payment not started
 * yet, whose provider is not known.
 */
export const PAYMENT_CHANNELS = ["wallet", "cod", "card", "online"] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export function paymentChannel(payment: Pick<Payment, "method" | "providerIntentId">): PaymentChannel {
  if (payment.method !== "card") return payment.method;
  return payment.providerIntentId?.startsWith("pi_") ? "card" : "online";
}
