import { randomBytes, timingSafeEqual } from "node:crypto";
import { money, type PaymentIntent, type PaymentProvider } from "@bbscart/core";
import { intentMetadata } from "../intent-metadata.js";
import type { SandboxIntent, SandboxStatus, SandboxStore } from "./store.js";
import { FormatWebhooks } from "../webhook-format.js";
import type { SandboxFlavour } from "./flavours.js";

function statusOf(status: SandboxStatus): PaymentIntent["status"] {
  if (status === "succeeded") return "succeeded";
  return status === "canceled" ? "cancelled" : "requires_payment";
}

function intentOf(intent: SandboxIntent): PaymentIntent {
  return { intentId: intent.id, clientSecret: intent.clientSecret, status: statusOf(intent.status), amount: money(intent.amountMinor, intent.currency) };
}

/**
 * The built-in provider: behaves like Stripe's or Razorpay's test mode (its {@link SandboxFlavour})
 * without leaving the machine. Intents live in Redis (see {@link SandboxStore}); the shopper pays on
 * the sandbox page, which sends webhooks signed exactly as the imitated provider signs them to our
 * own route — so everything after the provider call is the same code path as with the real one.
 * Cancels and refunds succeed at once and, as the order code settles them on acceptance, send no
 * webhook of their own.
 */
export class SandboxPaymentProvider extends FormatWebhooks implements PaymentProvider {
  readonly name = "sandbox" as const;
  readonly publicKey: string | null;

  constructor(
    private readonly store: SandboxStore,
    readonly flavour: SandboxFlavour,
  ) {
    super(flavour.webhooks);
    this.publicKey = flavour.publicKey;
  }

  async createIntent(input: Parameters<PaymentProvider["createIntent"]>[0]): Promise<PaymentIntent> {
    const { id, clientSecret } = this.flavour.newIntent();
    const intent = await this.store.create({
      id,
      clientSecret,
      amountMinor: input.amount.minor,
      currency: input.amount.currency,
      status: "requires_payment_method",
      metadata: intentMetadata(input.purpose, input.customerId),
      receipt: input.purpose.id,
      idempotencyKey: input.idempotencyKey,
      refundedMinor: 0,
      lastError: null,
    });
    if (intent.amountMinor !== input.amount.minor || intent.currency !== input.amount.currency) {
      throw new Error(`idempotency key ${input.idempotencyKey} was used for a different payment intent`);
    }
    return intentOf(intent);
  }

  verifyCheckout(input: Parameters<PaymentProvider["verifyCheckout"]>[0]): boolean {
    return this.flavour.verifyCheckout(input.intentId, input.paymentId, input.signature);
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
    const refundId = this.flavour.name === "razorpay" ? `rfnd_${randomBytes(7).toString("hex")}` : `re_sandbox_${randomBytes(12).toString("hex")}`;
    return { refundId: await this.store.refund(input.intentId, input.idempotencyKey, input.amount.minor, refundId) };
  }


  /** The intent a client secret belongs to (the card page's only credential), or null. */
  async intentBySecret(clientSecret: string): Promise<SandboxIntent | null> {
    const id = this.flavour.intentIdOf(clientSecret);
    const intent = id ? await this.store.find(id) : null;
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
