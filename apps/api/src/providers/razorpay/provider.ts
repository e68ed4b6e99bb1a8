import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { money, PaymentProviderUnavailableError, type PaymentIntent, type PaymentProvider, type PaymentPurpose } from "@bbscart/core";
import type Razorpay from "razorpay";
import { intentMetadata, ourRefundId, refundMetadata } from "../intent-metadata.js";
import { FormatWebhooks } from "../webhook-format.js";
import type { RazorpayCheckoutSignatures} from "./events.js";
import { notesOf, RazorpayWebhooks, type RazorpaySignatures } from "./events.js";

/** The calls of the official SDK we make, so a test can stand a fake Razorpay API behind them. */
export type RazorpayApi = Pick<Razorpay, "orders" | "payments">;

/**
 * The official SDK, with a timeout (it has none of its own). `endpoint` points it at a local stand-in
 * in tests: the SDK has no base-URL option, so it is set on the axios instance the SDK keeps.
 */
export function razorpayClient(keyId: string, keySecret: string, endpoint?: string): RazorpayApi {
  // Required here, when the provider is chosen, not at start-up: the SDK and the axios it brings cost
  // ~16 MiB resident that a shop on Stripe or the sandbox never uses (decision 106).
  const Sdk = createRequire(import.meta.url)("razorpay") as typeof Razorpay;
  const client = new Sdk({ key_id: keyId, key_secret: keySecret });
  const defaults = (client.api as unknown as { rq: { defaults: { baseURL?: string; timeout?: number } } }).rq.defaults;
  defaults.timeout = 20_000;
  if (endpoint) defaults.baseURL = endpoint;
  return client;
}

/** Razorpay's `receipt` is at most 40 characters. */
const receiptLimit = 40;

/**
 * The receipt an Order is created with and looked up by: our order's (or top-up's) id. When orders
 * get numbers, this is where the order number goes instead (it is what Razorpay's dashboard shows).
 * A longer id is hashed so the receipt stays deterministic, which the lookup needs.
 */
export function receiptOf(purpose: PaymentPurpose): string {
  return purpose.id.length <= receiptLimit ? purpose.id : `h_${createHash("sha256").update(`${purpose.kind}:${purpose.id}`).digest("hex").slice(0, receiptLimit - 2)}`;
}

/** The request key an Order was created under, in its notes: Razorpay Orders take no idempotency key. */
const requestKeyNote = "bbscart_request_key";

/**
 * The SDK rejects with `{ statusCode, error }` for an answer, and with a TypeError when there was no
 * answer at all (it reads `err.response.status`). No answer, or a 5xx, means Razorpay is unreachable
 * for now: the caller may try again with the same key.
 */
async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status !== "number" || status >= 500) throw new PaymentProviderUnavailableError(`Razorpay did not answer ${what}`, { cause: error });
    const detail = (error as { error?: { description?: string } }).error?.description ?? `status ${status}`;
    throw new Error(`Razorpay refused ${what}: ${detail}`, { cause: error });
  }
}

/**
 * Payments through Razorpay Orders and Checkout (UPI, cards, netbanking, wallets). Our intent is a
 * Razorpay Order (amount in paise, receipt = our id, notes = our ids); the shopper pays it in Checkout
 * and Razorpay captures it automatically (an account setting). Razorpay takes no idempotency keys, so
 * every call that creates something first looks for what an earlier try made: an Order by its receipt
 * and the request key in its notes, a refund by our refund key in its notes. Orders cannot be cancelled
 * at Razorpay: a payment that lands on a cancelled order is refunded when its event arrives.
 */
export class RazorpayPaymentProvider extends FormatWebhooks implements PaymentProvider {
  readonly name = "razorpay" as const;

  constructor(
    private readonly api: RazorpayApi,
    readonly publicKey: string,
    private readonly checkout: RazorpayCheckoutSignatures,
    signatures: RazorpaySignatures,
  ) {
    super(new RazorpayWebhooks(signatures));
  }

  async createIntent(input: Parameters<PaymentProvider["createIntent"]>[0]): Promise<PaymentIntent> {
    const receipt = receiptOf(input.purpose);
    const earlier = await call("the order lookup", () => this.api.orders.all({ receipt, count: 100 }));
    const made = earlier.items.find((order) => notesOf(order.notes as never)?.[requestKeyNote] === input.idempotencyKey);
    const order =
      made ??
      (await call("the order", () =>
        this.api.orders.create({
          amount: input.amount.minor,
          currency: input.amount.currency,
          receipt,
          notes: { ...intentMetadata(input.purpose, input.customerId), [requestKeyNote]: input.idempotencyKey },
        }),
      ));
    if (Number(order.amount) !== input.amount.minor || order.currency !== input.amount.currency) {
      throw new Error(`idempotency key ${input.idempotencyKey} was used for a different Razorpay order`);
    }
    return this.intentOf(order);
  }

  async retrieveIntent(intentId: string): Promise<PaymentIntent> {
    return this.intentOf(await call("the order fetch", () => this.api.orders.fetch(intentId)));
  }

  /**
   * Razorpay Orders have no cancel: Checkout stops offering an Order we no longer show, and a payment
   * that still lands is refunded on arrival. A paid Order is what the caller must learn about.
   */
  async cancelIntent(intentId: string): Promise<void> {
    const order = await call("the order fetch", () => this.api.orders.fetch(intentId));
    if (order.status === "paid") throw new Error(`Razorpay order ${intentId} is paid and cannot be cancelled`);
  }

  /** Refunds the Order's captured payment, once per key: a retry finds the refund the first try made. */
  async refund(input: Parameters<PaymentProvider["refund"]>[0]): Promise<{ refundId: string }> {
    const payments = await call("the payments fetch", () => this.api.orders.fetchPayments(input.intentId));
    const payment = payments.items.find((p) => p.status === "captured" || p.status === "refunded");
    if (!payment) throw new Error(`Razorpay order ${input.intentId} has no captured payment to refund`);
    const refunds = await call("the refunds fetch", () => this.api.payments.fetchMultipleRefund(payment.id, { count: 100 }));
    const ourId = ourRefundId(refundMetadata(input.idempotencyKey));
    const earlier = refunds.items.find((r) => r.status !== "failed" && ourRefundId(notesOf(r.notes as never)) === ourId);
    if (earlier) return { refundId: earlier.id };
    const refund = await call("the refund", () =>
      this.api.payments.refund(payment.id, {
        amount: input.amount.minor,
        notes: refundMetadata(input.idempotencyKey),
        ...(input.idempotencyKey.length <= receiptLimit ? { receipt: input.idempotencyKey } : {}),
      }),
    );
    return { refundId: refund.id };
  }

  verifyCheckout(input: Parameters<PaymentProvider["verifyCheckout"]>[0]): boolean {
    return this.checkout.verify(input.intentId, input.paymentId, input.signature);
  }

  private intentOf(order: { id: string; amount: number | string; currency: string; status: string }): PaymentIntent {
    return {
      intentId: order.id,
      clientSecret: order.id,
      status: order.status === "paid" ? "succeeded" : "requires_payment",
      amount: money(Number(order.amount), order.currency),
    };
  }
}
