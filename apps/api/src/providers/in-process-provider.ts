import { createHash } from "node:crypto";
import { type PaymentEvent, type PaymentIntent, type PaymentProvider, WebhookSignatureError } from "@bbscart/core";

/**
 * A payment provider that lives in this process and never moves money: intents are created and
 * refunds accepted at once, keyed by the caller's idempotency key exactly as a real provider keys
 * them (the same key returns the same intent). It stands in for Stripe and the sandbox in tests of
 * the services around the port; it cannot receive webhooks.
 */
export class InProcessPaymentProvider implements PaymentProvider {
  readonly name = "sandbox" as const;
  readonly wireFormat = "stripe" as const;
  readonly publicKey = null;
  private readonly intents = new Map<string, PaymentIntent>();
  private readonly byKey = new Map<string, string>();
  readonly refunds: { intentId: string; amountMinor: number; idempotencyKey: string }[] = [];

  createIntent(input: Parameters<PaymentProvider["createIntent"]>[0]): Promise<PaymentIntent> {
    const existing = this.byKey.get(input.idempotencyKey);
    if (existing) return Promise.resolve(this.intents.get(existing)!);
    const intentId = `pi_test_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 24)}`;
    const intent: PaymentIntent = { intentId, clientSecret: `${intentId}_secret`, status: "requires_payment", amount: input.amount };
    this.intents.set(intentId, intent);
    this.byKey.set(input.idempotencyKey, intentId);
    return Promise.resolve(intent);
  }

  retrieveIntent(intentId: string): Promise<PaymentIntent> {
    const intent = this.intents.get(intentId);
    return intent ? Promise.resolve(intent) : Promise.reject(new Error(`no intent ${intentId}`));
  }

  cancelIntent(intentId: string): Promise<void> {
    const intent = this.intents.get(intentId);
    if (intent) this.intents.set(intentId, { ...intent, status: "cancelled" });
    return Promise.resolve();
  }

  refund(input: Parameters<PaymentProvider["refund"]>[0]): Promise<{ refundId: string }> {
    if (!this.refunds.some((r) => r.idempotencyKey === input.idempotencyKey)) {
      this.refunds.push({ intentId: input.intentId, amountMinor: input.amount.minor, idempotencyKey: input.idempotencyKey });
    }
    return Promise.resolve({ refundId: `re_test_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 24)}` });
  }

  verifyCheckout(): boolean {
    return false;
  }

  parseWebhook(): PaymentEvent {
    throw new WebhookSignatureError("the in-process provider sends no webhooks");
  }

  decodeStoredEvent(): PaymentEvent {
    throw new Error("the in-process provider stores no webhook events");
  }
}
