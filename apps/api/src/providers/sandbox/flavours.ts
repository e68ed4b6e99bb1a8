import { createHash, randomBytes } from "node:crypto";
import type { RazorpayCheckoutSignatures} from "../razorpay/events.js";
import { RazorpayWebhooks, type RazorpaySignatures, type RazorpayWireEvent } from "../razorpay/events.js";
import { StripeWebhooks, type StripeSignatures } from "../stripe/events.js";
import type { WebhookFormat } from "../webhook-format.js";
import type { SandboxIntent } from "./store.js";

const token = (bytes: number) => randomBytes(bytes).toString("hex");
/** Razorpay's ids are 14 base62 characters after the prefix; hex is a subset. */
const razorpayId = (prefix: string) => `${prefix}_${token(7)}`;

/** One webhook as the imitated provider would POST it. */
export interface SandboxDelivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How an attempt on the sandbox page ended, in the provider's words. */
export type SandboxOutcome = { status: "succeeded" } | { status: "failed"; reason: string; description: string };

/**
 * What the sandbox imitates: one provider's ids, its webhooks (format, signature, route) and what its
 * browser step hands back to the shop. Everything else — intents in Redis, the page, the state
 * moves — is the same code for both.
 */
export interface SandboxFlavour {
  readonly name: "stripe" | "razorpay";
  readonly webhooks: WebhookFormat;
  /** The public key the browser step names (Razorpay's key id); null for Stripe's flavour. */
  readonly publicKey: string | null;
  newIntent(): { id: string; clientSecret: string };
  /** The intent id a client token names (the token is then compared with the stored one), or null. */
  intentIdOf(clientSecret: string): string | null;
  /** The webhooks the provider sends when an attempt on `intent` ends so, signed as of `now`. */
  deliveries(intent: SandboxIntent, outcome: SandboxOutcome, now: Date): SandboxDelivery[];
  /** The query the shop's return page receives after an attempt: Stripe's redirect, or Razorpay Checkout's handler response. */
  returnQuery(intent: SandboxIntent, outcome: SandboxOutcome): Record<string, string>;
  /** Checks what the browser step handed back (Razorpay's `razorpay_signature`); Stripe's flavour has nothing to check. */
  verifyCheckout(intentId: string, paymentId: string, signature: string): boolean;
}

/** A Stripe-format event about an intent, as Stripe would send it in test mode. */
export function sandboxIntentEvent(type: string, intent: SandboxIntent, now: Date): string {
  return JSON.stringify({
    id: `evt_sandbox_${token(12)}`,
    object: "event",
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    type,
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amountMinor,
        amount_received: intent.status === "succeeded" ? intent.amountMinor : 0,
        currency: intent.currency.toLowerCase(),
        status: intent.status,
        metadata: intent.metadata,
        last_payment_error: intent.lastError,
      },
    },
  });
}

export function stripeFlavour(signatures: StripeSignatures): SandboxFlavour {
  const delivery = (body: string, now: Date): SandboxDelivery => ({
    path: "/webhooks/stripe",
    headers: { "stripe-signature": signatures.sign(body, Math.floor(now.getTime() / 1000)) },
    body,
  });
  return {
    name: "stripe",
    webhooks: new StripeWebhooks(signatures),
    publicKey: null,
    newIntent() {
      const id = `pi_sandbox_${token(12)}`;
      return { id, clientSecret: `${id}_secret_${token(12)}` };
    },
    intentIdOf: (clientSecret) => {
      const id = clientSecret.split("_secret_")[0] ?? "";
      return id.startsWith("pi_sandbox_") ? id : null;
    },
    deliveries: (intent, outcome, now) => [
      delivery(sandboxIntentEvent(outcome.status === "succeeded" ? "payment_intent.succeeded" : "payment_intent.payment_failed", intent, now), now),
    ],
    returnQuery: (intent, outcome) => ({ payment_intent: intent.id, payment_intent_client_secret: intent.clientSecret, redirect_status: outcome.status }),
    verifyCheckout: () => false,
  };
}

/** The payment a succeeded sandbox order was paid by: one per order, so a repeat names the same payment. */
export const sandboxPaymentId = (orderId: string) => `pay_${createHash("sha256").update(orderId).digest("hex").slice(0, 14)}`;

/** Razorpay's Order and Payment entities for a sandbox intent, as its webhooks carry them. */
function razorpayEntities(intent: SandboxIntent, paymentId: string, outcome: SandboxOutcome, now: Date) {
  const created = Math.floor(now.getTime() / 1000);
  const paid = outcome.status === "succeeded";
  const payment = {
    id: paymentId,
    entity: "payment" as const,
    amount: intent.amountMinor,
    currency: intent.currency,
    status: paid ? "captured" : "failed",
    order_id: intent.id,
    method: "upi",
    captured: paid,
    amount_refunded: intent.refundedMinor,
    // Checkout was opened without notes, so the payment carries none: our ids are on the Order.
    notes: [] as unknown[],
    error_code: paid ? null : "BAD_REQUEST_ERROR",
    error_reason: paid ? null : outcome.reason,
    error_description: paid ? null : outcome.description,
    created_at: created,
  };
  const order = {
    id: intent.id,
    entity: "order" as const,
    amount: intent.amountMinor,
    amount_paid: paid ? intent.amountMinor : 0,
    amount_due: paid ? 0 : intent.amountMinor,
    currency: intent.currency,
    receipt: intent.receipt ?? null,
    status: paid ? "paid" : "attempted",
    notes: intent.metadata,
    created_at: created,
  };
  return { payment, order, created };
}

export function razorpayFlavour(signatures: RazorpaySignatures, checkout: RazorpayCheckoutSignatures, keyId: string): SandboxFlavour {
  const delivery = (event: RazorpayWireEvent): SandboxDelivery => {
    const body = JSON.stringify(event);
    return {
      path: "/webhooks/razorpay",
      headers: { "x-razorpay-signature": signatures.sign(body), "x-razorpay-event-id": razorpayId("evt") },
      body,
    };
  };
  const paymentIdFor = (intent: SandboxIntent, outcome: SandboxOutcome) => (outcome.status === "succeeded" ? sandboxPaymentId(intent.id) : razorpayId("pay"));
  return {
    name: "razorpay",
    webhooks: new RazorpayWebhooks(signatures),
    publicKey: keyId,
    // Razorpay has no per-payment secret: Checkout opens an Order by its id with the public key id.
    newIntent() {
      const id = razorpayId("order");
      return { id, clientSecret: id };
    },
    intentIdOf: (clientSecret) => (/^order_[0-9a-f]{14}$/.test(clientSecret) ? clientSecret : null),
    deliveries(intent, outcome, now) {
      const { payment, order, created } = razorpayEntities(intent, paymentIdFor(intent, outcome), outcome, now);
      const base = { entity: "event" as const, account_id: "acc_sandbox", created_at: created };
      if (outcome.status === "failed") return [delivery({ ...base, event: "payment.failed", contains: ["payment"], payload: { payment: { entity: payment } } })];
      return [
        delivery({ ...base, event: "payment.captured", contains: ["payment"], payload: { payment: { entity: payment } } }),
        delivery({ ...base, event: "order.paid", contains: ["payment", "order"], payload: { payment: { entity: payment }, order: { entity: order } } }),
      ];
    },
    returnQuery(intent, outcome): Record<string, string> {
      if (outcome.status === "failed") return { razorpay_order_id: intent.id, error_reason: outcome.reason };
      const paymentId = sandboxPaymentId(intent.id);
      return { razorpay_order_id: intent.id, razorpay_payment_id: paymentId, razorpay_signature: checkout.sign(intent.id, paymentId) };
    },
    verifyCheckout: (intentId, paymentId, signature) => checkout.verify(intentId, paymentId, signature),
  };
}
