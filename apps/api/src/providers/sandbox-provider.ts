import { randomBytes, timingSafeEqual } from "node:crypto";
import { money, type PaymentIntent, type PaymentProvider } from "@bbscart/core";
import { intentMetadata } from "./intent-metadata.js";
import type { SandboxIntent, SandboxStatus, SandboxStore } from "./sandbox-store.js";
import { StripeFormatWebhooks, type StripeSignatures } from "./stripe-events.js";

const token = (bytes: number) => randomBytes(bytes).toString("hex");

function statusOf(status: SandboxStatus): PaymentIntent["status"] {
  if (status === "succeeded") return "succeeded";
  return status === "canceled" ? "cancelled" : "requires_payment";
}

function intentOf(intent: SandboxIntent): PaymentIntent {
  return { intentId: intent.id, clientSecret: intent.clientSecret, status: statusOf(intent.status), amount: money(intent.amountMinor, intent.currency) };
}

/**
 * The built-in provider: behaves like Stripe's test mode without leaving the machine. Intents live
 * in Redis (see {@link SandboxStore}); the shopper pays on the sandbox card page, which sends a
 * webhook signed exactly as Stripe signs them to our own route — so everything after the provider
 * call is the same code path as with Stripe. Cancels and refunds succeed at once and, as the order
 * code settles them on acceptance, send no webhook of their own.
 */
export class SandboxPaymentProvider extends StripeFormatWebhooks implements PaymentProvider {
  readonly name = "sandbox" as const;

  constructor(
    private readonly store: SandboxStore,
    signatures: StripeSignatures,
  ) {
    super(signatures);
  }

  async createIntent(input: Parameters<PaymentProvider["createIntent"]>[0]): Promise<PaymentIntent> {
    const id = `pi_sandbox_${token(12)}`;
    const intent = await this.store.create({
      id,
      clientSecret: `${id}_secret_${token(12)}`,
      amountMinor: input.amount.minor,
      currency: input.amount.currency,
      status: "requires_payment_method",
      metadata: intentMetadata(input.purpose, input.customerId),
      idempotencyKey: input.idempotencyKey,
      refundedMinor: 0,
      lastError: null,
    });
    if (intent.amountMinor !== input.amount.minor || intent.currency !== input.amount.currency) {
      throw new Error(`idempotency key ${input.idempotencyKey} was used for a different payment intent`);
    }
    return intentOf(intent);
  }

  async retrieveIntent(intentId: string): Promise<PaymentIntent> {
    const intent = await this.store.find(intentId);
    if (!intent) throw new Error(`no sandbox payment intent ${intentId}`);
    return intentOf(intent);
  }

  async cancelIntent(intentId: string): Promise<void> {
    const intent = (await this.store.transition(intentId, ["requires_payment_method", "requires_action"], "canceled"))?.intent;
    if (!intent) throw new Error(`no sandbox payment intent ${intentId}`);
    if (intent.status !== "canceled") throw new Error(`payment intent ${intentId} is ${intent.status} and cannot be cancelled`);
  }

  async refund(input: Parameters<PaymentProvider["refund"]>[0]): Promise<{ refundId: string }> {
    return { refundId: await this.store.refund(input.intentId, input.idempotencyKey, input.amount.minor, `re_sandbox_${token(12)}`) };
  }


  /** The intent a client secret belongs to (the card page's only credential), or null. */
  async intentBySecret(clientSecret: string): Promise<SandboxIntent | null> {
    const id = clientSecret.split("_secret_")[0] ?? "";
    const intent = id.startsWith("pi_sandbox_") ? await this.store.find(id) : null;
    if (!intent) return null;
    const given = Buffer.from(clientSecret);
    const expected = Buffer.from(intent.clientSecret);
    return given.length === expected.length && timingSafeEqual(given, expected) ? intent : null;
  }

  /** Moves an intent as the card page decides (see sandbox-cards.ts); the intent as it now stands. */
  transition(intent: SandboxIntent, from: readonly SandboxStatus[], to: SandboxStatus, lastError: SandboxIntent["lastError"] = null) {
    return this.store.transition(intent.id, from, to, lastError);
  }
}
