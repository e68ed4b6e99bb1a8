import type { Money } from "../money/money.js";
import type { Channel } from "../notification/notification.js";

/** The only source of "now" outside tests; core receives the value, never the clock. */
export interface Clock {
  now(): Date;
}

/** Makes unique ids (ULIDs, UUIDs…); core receives ids as parameters. */
export interface IdGenerator {
  next(): string;
}

/** A notification rendered for one channel, ready to hand to a transport. */
export interface OutgoingMessage {
  readonly channel: Channel;
  readonly to: string;
  readonly subject: string | null;
  /** Plain text: the SMS, or the email's text alternative. */
  readonly body: string;
  /** The email's HTML part, sent beside `body` as multipart/alternative. */
  readonly html: string | null;
  /** Stable per outbox message, so a resend after a crash carries the same Message-ID. */
  readonly messageId: string;
}

/**
 * Sends one message (SMTP, SMS provider, or a file under DATA_DIR/mail). Called by the
 * worker after the outbox row was committed, never inside a unit of work.
 */
export interface Notifier {
  send(message: OutgoingMessage): Promise<{ readonly providerMessageId: string }>;
}

export interface PaymentIntent {
  /** Stripe's PaymentIntent id (`pi_…`), or Razorpay's Order id (`order_…`): what one payment of one purpose is tracked by. */
  readonly intentId: string;
  /**
   * Handed to the browser to complete the payment: Stripe's client secret, or, for Razorpay, the
   * Order id its Checkout opens (with the public key id; Razorpay has no per-payment secret).
   */
  readonly clientSecret: string;
  readonly status: "requires_payment" | "processing" | "succeeded" | "cancelled";
  readonly amount: Money;
}

/** What a payment intent pays for: an order, or a wallet top-up (the top-up's id is its request key). */
export interface PaymentPurpose {
  readonly kind: "order" | "top_up";
  readonly id: string;
}

/** The purpose and customer stored on an intent when we created it, as its events carry them back. */
export interface IntentOwner extends PaymentPurpose {
  readonly customerId: string;
}

/**
 * A provider webhook after its signature was verified, reduced to what core needs. `purpose` is what
 * we stored on the intent when we created it (null for an intent we did not create); processing checks
 * it, and the amount, against our own record before applying anything.
 */
export type PaymentEvent =
  | { readonly eventId: string; readonly type: "payment_succeeded"; readonly intentId: string; readonly amount: Money; readonly purpose: IntentOwner | null }
  | { readonly eventId: string; readonly type: "payment_failed"; readonly intentId: string; readonly reason: string; readonly purpose: IntentOwner | null }
  | { readonly eventId: string; readonly type: "payment_canceled"; readonly intentId: string; readonly purpose: IntentOwner | null }
  | { readonly eventId: string; readonly type: "refund_succeeded"; readonly intentId: string; readonly refundId: string }
  | { readonly eventId: string; readonly type: "refund_failed"; readonly intentId: string; readonly refundId: string; readonly reason: string }
  | { readonly eventId: string; readonly type: "ignored"; readonly providerType: string };

/** The names of a webhook's headers in lower case, as the HTTP layer received them. */
export type WebhookHeaders = Readonly<Record<string, string | undefined>>;

/**
 * A payment provider (Stripe, Razorpay or the built-in sandbox). Every call that moves money
 * takes an idempotency key, so a retried call after a crash does not charge or refund twice.
 * Called only after the unit of work committed.
 */
export interface PaymentProvider {
  readonly name: "stripe" | "razorpay" | "sandbox";
  /** Whose wire format its webhooks (and its browser step) speak: it names the webhook route, `/webhooks/<format>`. */
  readonly wireFormat: "stripe" | "razorpay";
  /**
   * The public key the browser opens the provider's checkout with (Razorpay's key id), or null when
   * the client secret alone is enough (Stripe).
   */
  readonly publicKey: string | null;
  createIntent(input: {
    readonly amount: Money;
    readonly purpose: PaymentPurpose;
    readonly customerId: string;
    readonly idempotencyKey: string;
  }): Promise<PaymentIntent>;
  retrieveIntent(intentId: string): Promise<PaymentIntent>;
  cancelIntent(intentId: string, idempotencyKey: string): Promise<void>;
  /** `idempotencyKey` is `refund:<our refund id>` (`refundProviderKey`); the provider's refund events carry it back. */
  refund(input: { readonly intentId: string; readonly amount: Money; readonly idempotencyKey: string }): Promise<{ readonly refundId: string }>;
  /**
   * Checks the signed result a browser checkout hands back (Razorpay's `razorpay_signature`, an
   * HMAC of `order_id|payment_id` with the key secret); false for providers that hand back none.
   * True only makes the browser's word trustworthy: the webhook still decides what the order becomes.
   */
  verifyCheckout(input: { readonly intentId: string; readonly paymentId: string; readonly signature: string }): boolean;
  /**
   * Verifies the signature (from `headers`) over the raw body; throws `WebhookSignatureError` when it
   * is missing, does not match or is stale. The event id may come from the body (Stripe) or a header (Razorpay).
   */
  parseWebhook(rawBody: Uint8Array, headers: WebhookHeaders): PaymentEvent;
  /** Reads back an event stored by the intake (its verified raw body, under its event id), for processing later or again. */
  decodeStoredEvent(payload: string, eventId: string): PaymentEvent;
}

/**
 * The payment provider could not be reached (network, or the store it keeps its state in is
 * down). Nothing we know of was decided on its side; the caller may try again — every call
 * carries its idempotency key. Answered 503 with `Retry-After`, never as a bug.
 */
export class PaymentProviderUnavailableError extends Error {
  override readonly name = "PaymentProviderUnavailableError";
}

/** A webhook whose signature did not verify: answered 400, never processed. */
export class WebhookSignatureError extends Error {
  override readonly name = "WebhookSignatureError";
}

export interface StoredFile {
  readonly key: string;
  readonly contentType: string;
  readonly size: number;
}

/** Product images and other uploads, stored and served by us (a directory, or object storage). */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredFile>;
  get(key: string): Promise<(StoredFile & { readonly bytes: Uint8Array }) | null>;
  delete(key: string): Promise<void>;
}
