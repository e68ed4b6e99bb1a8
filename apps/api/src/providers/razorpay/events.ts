import { createHmac, timingSafeEqual } from "node:crypto";
import { isCurrencyCode, money, WebhookSignatureError, type PaymentEvent, type WebhookHeaders } from "@bbscart/core";
import { intentOwner, ourRefundId } from "../intent-metadata.js";
import type { WebhookFormat } from "../webhook-format.js";

/** Razorpay writes `notes: []` when there are none, an object otherwise. */
type Notes = Record<string, string> | unknown[] | null | undefined;

/** The parts of Razorpay's entities its events carry that we read (Razorpay's field names). */
export interface RazorpayPaymentEntity {
  id: string;
  entity: "payment";
  amount: number;
  currency: string;
  status: string;
  order_id: string | null;
  notes?: Notes;
  error_code?: string | null;
  error_reason?: string | null;
  error_description?: string | null;
}

export interface RazorpayOrderEntity {
  id: string;
  entity: "order";
  amount: number;
  amount_paid: number;
  currency: string;
  receipt: string | null;
  status: string;
  notes?: Notes;
}

export interface RazorpayRefundEntity {
  id: string;
  entity: "refund";
  amount: number;
  currency: string;
  payment_id: string;
  receipt?: string | null;
  status: string;
  notes?: Notes;
}

/** A Razorpay webhook body as it arrives: the event's id is not in it but in `x-razorpay-event-id`. */
export interface RazorpayWireEvent {
  entity: "event";
  account_id: string;
  event: string;
  contains: string[];
  payload: {
    payment?: { entity: RazorpayPaymentEntity };
    order?: { entity: RazorpayOrderEntity };
    refund?: { entity: RazorpayRefundEntity };
  };
  created_at: number;
}

export const notesOf = (notes: Notes): Record<string, string> | null => (notes && !Array.isArray(notes) ? notes : null);

function failureReason(payment: RazorpayPaymentEntity): string {
  return payment.error_reason ?? payment.error_code ?? payment.error_description ?? "payment_failed";
}

/**
 * Reduces a verified Razorpay event to what core needs. Our intent is the Razorpay Order, so every
 * event is tied to its `order_id`. `order.paid` carries the Order with our notes and is what confirms
 * a payment; `payment.captured` counts too when the payment carries our notes, and is otherwise left
 * to the `order.paid` Razorpay sends with it (the same payment: core would take it once either way).
 * Refund events name our refund by the key we wrote into the refund's notes. Amounts are paise in
 * both Razorpay and core.
 */
export function razorpayPaymentEvent(event: RazorpayWireEvent, eventId: string): PaymentEvent {
  const ignored: PaymentEvent = { eventId, type: "ignored", providerType: event.event };
  const payment = event.payload.payment?.entity;
  const succeeded = (intentId: string, notes: Notes): PaymentEvent => {
    const currency = payment!.currency.toUpperCase();
    if (!isCurrencyCode(currency)) return ignored;
    return { eventId, type: "payment_succeeded", intentId, amount: money(payment!.amount, currency), purpose: intentOwner(notesOf(notes)) };
  };
  switch (event.event) {
    case "order.paid": {
      const order = event.payload.order?.entity;
      return order && payment ? succeeded(order.id, order.notes) : ignored;
    }
    case "payment.captured":
      return payment?.order_id && intentOwner(notesOf(payment.notes)) ? succeeded(payment.order_id, payment.notes) : ignored;
    case "payment.failed":
      if (!payment?.order_id) return ignored;
      return { eventId, type: "payment_failed", intentId: payment.order_id, reason: failureReason(payment), purpose: intentOwner(notesOf(payment.notes)) };
    case "refund.processed":
    case "refund.failed": {
      const refund = event.payload.refund?.entity;
      const refundId = ourRefundId(notesOf(refund?.notes));
      const intentId = payment?.order_id;
      if (!refund || !refundId || !intentId) return ignored;
      if (event.event === "refund.processed") return { eventId, type: "refund_succeeded", intentId, refundId };
      return { eventId, type: "refund_failed", intentId, refundId, reason: `Razorpay refund ${refund.id} failed` };
    }
    default:
      return ignored;
  }
}

const hmacHex = (secret: string, data: string | Uint8Array) => createHmac("sha256", secret).update(data).digest("hex");

/** Compares two hex signatures in constant time (a length mismatch is a mismatch, said at once). */
function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Razorpay's webhook signature: `X-Razorpay-Signature` is the hex HMAC-SHA256 of the raw body with the
 * webhook secret. The scheme has no signed timestamp, so staleness is read from the signed body's
 * `created_at` (Razorpay retries a delivery for 24 hours; `toleranceSeconds` is set above that).
 */
export class RazorpaySignatures {
  constructor(
    private readonly secret: string,
    private readonly toleranceSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The event and its id if the signature holds for this exact body and the event is fresh; `WebhookSignatureError` otherwise. */
  verify(rawBody: Uint8Array, headers: WebhookHeaders): PaymentEvent {
    const signature = headers["x-razorpay-signature"];
    const eventId = headers["x-razorpay-event-id"];
    if (!signature) throw new WebhookSignatureError("X-Razorpay-Signature header is missing");
    if (!sameSignature(signature, hmacHex(this.secret, rawBody))) throw new WebhookSignatureError("X-Razorpay-Signature does not match this body");
    if (!eventId || eventId.length > 100) throw new WebhookSignatureError("x-razorpay-event-id header is missing");
    let event: RazorpayWireEvent;
    try {
      event = JSON.parse(Buffer.from(rawBody).toString("utf8")) as RazorpayWireEvent;
    } catch {
      throw new WebhookSignatureError("the signed body is not JSON");
    }
    if (typeof event.created_at !== "number" || this.now().getTime() / 1000 - event.created_at > this.toleranceSeconds) {
      throw new WebhookSignatureError(`the event was created more than ${this.toleranceSeconds} s ago`);
    }
    return razorpayPaymentEvent(event, eventId);
  }

  /** An `X-Razorpay-Signature` for `payload`, as Razorpay computes it (used by the sandbox). */
  sign(payload: string): string {
    return hmacHex(this.secret, payload);
  }
}

/**
 * The signature Razorpay Checkout hands the browser after a payment: HMAC-SHA256 of
 * `order_id|payment_id` with the key secret. It proves the browser's word about that payment came
 * from Razorpay; the webhook still decides what the order becomes.
 */
export class RazorpayCheckoutSignatures {
  constructor(private readonly keySecret: string) {}

  sign(orderId: string, paymentId: string): string {
    return hmacHex(this.keySecret, `${orderId}|${paymentId}`);
  }

  verify(orderId: string, paymentId: string, signature: string): boolean {
    return sameSignature(signature, this.sign(orderId, paymentId));
  }
}

/** Razorpay's wire format for webhooks, shared by Razorpay itself and the Razorpay-flavoured sandbox. */
export class RazorpayWebhooks implements WebhookFormat {
  readonly wireFormat = "razorpay" as const;

  constructor(private readonly signatures: RazorpaySignatures) {}

  parseWebhook(rawBody: Uint8Array, headers: WebhookHeaders): PaymentEvent {
    return this.signatures.verify(rawBody, headers);
  }

  decodeStoredEvent(payload: string, eventId: string): PaymentEvent {
    return razorpayPaymentEvent(JSON.parse(payload) as RazorpayWireEvent, eventId);
  }
}
