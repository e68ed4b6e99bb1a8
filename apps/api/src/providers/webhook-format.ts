import type { PaymentProvider } from "@bbscart/core";

/**
 * The webhook side of a provider: whose wire format, how a delivery is verified and read, how a
 * stored one is read back. Written once per format (Stripe's, Razorpay's) and shared by the real
 * provider and the sandbox imitating it, which is what lets the sandbox prove the real route.
 */
export type WebhookFormat = Pick<PaymentProvider, "wireFormat" | "parseWebhook" | "decodeStoredEvent">;

/** The webhook half of the port, handed to a provider's format: providers extend this and add their calls. */
export abstract class FormatWebhooks implements WebhookFormat {
  readonly wireFormat: WebhookFormat["wireFormat"];

  constructor(protected readonly webhooks: WebhookFormat) {
    this.wireFormat = webhooks.wireFormat;
  }

  parseWebhook(...args: Parameters<WebhookFormat["parseWebhook"]>) {
    return this.webhooks.parseWebhook(...args);
  }

  decodeStoredEvent(...args: Parameters<WebhookFormat["decodeStoredEvent"]>) {
    return this.webhooks.decodeStoredEvent(...args);
  }
}
