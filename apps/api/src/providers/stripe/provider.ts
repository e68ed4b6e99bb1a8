import { money, type PaymentIntent, type PaymentProvider } from "@bbscart/core";
import Stripe from "stripe";
import { intentMetadata, refundMetadata } from "../intent-metadata.js";
import { FormatWebhooks } from "../webhook-format.js";
import { StripeWebhooks, type StripeSignatures } from "./events.js";

/** Stripe's intent statuses in the port's words: everything before a result is "requires_payment". */
function statusOf(status: Stripe.PaymentIntent.Status): PaymentIntent["status"] {
  if (status === "succeeded") return "succeeded";
  if (status === "canceled") return "cancelled";
  return status === "processing" || status === "requires_capture" ? "processing" : "requires_payment";
}

function intentOf(intent: Stripe.PaymentIntent): PaymentIntent {
  return {
    intentId: intent.id,
    clientSecret: intent.client_secret ?? "",
    status: statusOf(intent.status),
    amount: money(intent.amount, intent.currency.toUpperCase()),
  };
}

/** Where the client sends its requests: Stripe's API unless a test points it at a local stand-in. */
export interface StripeEndpoint {
  host: string;
  port: number;
  protocol: "http" | "https";
}

export function stripeClient(secretKey: string, endpoint?: StripeEndpoint): Stripe {
  // Network retries reuse our idempotency key, so a retried create or refund still happens once.
  return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000, ...endpoint });
}

/**
 * Card payments through Stripe PaymentIntents. Every call that moves money passes our idempotency
 * key, so a request retried after a crash (ours or the network's) charges, cancels or refunds once.
 * Intents and refunds carry our ids in their metadata, which the webhook processing checks.
 */
export class StripePaymentProvider extends FormatWebhooks implements PaymentProvider {
  readonly name = "stripe" as const;
  /** Stripe's browser step needs only the intent's client secret, and hands back nothing to verify. */
  readonly publicKey = null;

  constructor(
    private readonly stripe: Stripe,
    signatures: StripeSignatures,
  ) {
    super(new StripeWebhooks(signatures));
  }

  async createIntent(input: Parameters<PaymentProvider["createIntent"]>[0]): Promise<PaymentIntent> {
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: input.amount.minor,
        currency: input.amount.currency.toLowerCase(),
        metadata: intentMetadata(input.purpose, input.customerId),
        automatic_payment_methods: { enabled: true },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return intentOf(intent);
  }

  async retrieveIntent(intentId: string): Promise<PaymentIntent> {
    return intentOf(await this.stripe.paymentIntents.retrieve(intentId));
  }

  async cancelIntent(intentId: string, idempotencyKey: string): Promise<void> {
    try {
      await this.stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey });
    } catch (error) {
      // Cancelling twice is the goal reached; any other state (succeeded) is for the caller to learn.
      const current = await this.stripe.paymentIntents.retrieve(intentId);
      if (current.status !== "canceled") throw error;
    }
  }

  async refund(input: Parameters<PaymentProvider["refund"]>[0]): Promise<{ refundId: string }> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: input.intentId, amount: input.amount.minor, metadata: refundMetadata(input.idempotencyKey) },
      { idempotencyKey: input.idempotencyKey },
    );
    return { refundId: refund.id };
  }

  verifyCheckout(): boolean {
    return false;
  }

}
