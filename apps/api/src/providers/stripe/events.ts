import { isCurrencyCode, money, WebhookSignatureError, type PaymentEvent, type WebhookHeaders } from "@bbscart/core";
import type Stripe from "stripe";
import { intentOwner, ourRefundId } from "../intent-metadata.js";
import type { WebhookFormat } from "../webhook-format.js";

/** The parts of a payment intent an event carries that we read (Stripe's field names). */
interface IntentObject {
  id: string;
  amount: number;
  amount_received?: number;
  currency: string;
  metadata?: Record<string, string> | null;
  last_payment_error?: { code?: string | null; decline_code?: string | null; message?: string | null } | null;
}

interface RefundObject {
  id: string;
  status: string | null;
  payment_intent: string | { id: string } | null;
  metadata?: Record<string, string> | null;
}

/** A Stripe event as it arrives on the wire: the shape both Stripe and the sandbox send. */
export interface WireEvent {
  id: string;
  type: string;
  data: { object: unknown };
}

function declineReason(intent: IntentObject): string {
  const error = intent.last_payment_error;
  return error?.decline_code ?? error?.code ?? error?.message ?? "payment_failed";
}

/**
 * Reduces a verified Stripe-format event to what core needs. Amounts are minor units in both
 * Stripe and core; Stripe writes currencies in lower case. Events we do not act on are `ignored`
 * (stored and acknowledged like any other, so Stripe stops resending them).
 */
export function paymentEventOf(event: WireEvent): PaymentEvent {
  const ignored: PaymentEvent = { eventId: event.id, type: "ignored", providerType: event.type };
  if (event.type.startsWith("payment_intent.")) {
    const intent = event.data.object as IntentObject;
    const purpose = intentOwner(intent.metadata);
    const base = { eventId: event.id, intentId: intent.id, purpose };
    const currency = intent.currency.toUpperCase();
    switch (event.type) {
      case "payment_intent.succeeded":
        if (!isCurrencyCode(currency)) return ignored;
        return { ...base, type: "payment_succeeded", amount: money(intent.amount_received ?? intent.amount, currency) };
      case "payment_intent.payment_failed":
        return { ...base, type: "payment_failed", reason: declineReason(intent) };
      case "payment_intent.canceled":
        return { ...base, type: "payment_canceled" };
      default:
        return ignored;
    }
  }
  if (event.type === "refund.created" || event.type === "refund.updated") {
    const refund = event.data.object as RefundObject;
    const refundId = ourRefundId(refund.metadata);
    const intentId = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id;
    if (refund.status !== "succeeded" || !refundId || !intentId) return ignored;
    return { eventId: event.id, type: "refund_succeeded", intentId, refundId };
  }
  return ignored;
}

/**
 * Stripe's webhook signature scheme (HMAC-SHA256 over `timestamp.body`, with a tolerance on the
 * timestamp), through the `stripe` library itself. The sandbox signs its events with the same
 * secret and the same code, so the webhook route cannot tell them apart — which is the point.
 */
export class StripeSignatures {
  constructor(
    private readonly webhooks: typeof Stripe.webhooks,
    private readonly secret: string,
    private readonly toleranceSeconds: number,
  ) {}

  /** The event if the signature holds for this exact body within the tolerance; `WebhookSignatureError` otherwise. */
  verify(rawBody: Uint8Array, signature: string): PaymentEvent {
    let event: WireEvent;
    try {
      event = this.webhooks.constructEvent(Buffer.from(rawBody), signature, this.secret, this.toleranceSeconds);
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : "webhook signature did not verify");
    }
    return paymentEventOf(event);
  }

  /** A `Stripe-Signature` header for `payload`, as Stripe computes it (used by the sandbox). */
  sign(payload: string, timestamp?: number): string {
    return this.webhooks.generateTestHeaderString({ payload, secret: this.secret, ...(timestamp === undefined ? {} : { timestamp }) });
  }
}

/** Stripe's wire format for webhooks, shared by Stripe itself and the Stripe-flavoured sandbox. */
export class StripeWebhooks implements WebhookFormat {
  readonly wireFormat = "stripe" as const;

  constructor(private readonly signatures: StripeSignatures) {}

  parseWebhook(rawBody: Uint8Array, headers: WebhookHeaders): PaymentEvent {
    const signature = headers["stripe-signature"];
    if (!signature) throw new WebhookSignatureError("Stripe-Signature header is missing");
    return this.signatures.verify(rawBody, signature);
  }

  decodeStoredEvent(payload: string): PaymentEvent {
    return paymentEventOf(JSON.parse(payload) as WireEvent);
  }
}
