import { createHmac } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { money, PaymentProviderUnavailableError, WebhookSignatureError } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RazorpayCheckoutSignatures, RazorpaySignatures } from "../src/providers/razorpay/events.js";
import { razorpayClient, RazorpayPaymentProvider, receiptOf } from "../src/providers/razorpay/provider.js";
import { createAccount } from "./accounts.js";
import { addProduct, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { eventually, orderOf, placeCardOrder } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const keyId = "rzp_test_fake";
const keySecret = "key-secret-0123456789";
const webhookSecret = "webhook-secret-0123456789";

interface Seen {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

type Entity = Record<string, unknown> & { id: string };

/**
 * Razorpay's API stands outside this machine, so a local server answers in its place, keeping orders,
 * payments and refunds as Razorpay would: the official `razorpay` SDK talks to it over HTTP (basic
 * auth with the key pair), and the test reads exactly what would have reached Razorpay.
 */
function fakeRazorpay() {
  const seen: Seen[] = [];
  const orders = new Map<string, Entity>();
  const payments = new Map<string, Entity>();
  const refunds = new Map<string, Entity>();
  let next = 0;
  const id = (prefix: string) => `${prefix}_fake${String(++next).padStart(10, "0")}`;
  const collection = (items: Entity[]) => ({ entity: "collection", count: items.length, items });
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      seen.push({ method: req.method ?? "", path: url.pathname, body });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const refuse = (description: string) => reply(400, { error: { code: "BAD_REQUEST_ERROR", description } });
      if (req.headers.authorization !== `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString("base64")}`) {
        return reply(401, { error: { code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid" } });
      }
      const path = url.pathname;
      let match: RegExpMatchArray | null;
      if (req.method === "GET" && path === "/v1/orders") {
        return reply(200, collection([...orders.values()].filter((o) => o.receipt === url.searchParams.get("receipt"))));
      }
      if (req.method === "POST" && path === "/v1/orders") {
        const order = { id: id("order"), entity: "order", amount_paid: 0, amount_due: body.amount, status: "created", attempts: 0, created_at: 1, ...body };
        orders.set(order.id, order);
        return reply(200, order);
      }
      if ((match = /^\/v1\/orders\/([^/]+)(\/payments)?$/.exec(path)) && req.method === "GET") {
        const order = orders.get(match[1]!);
        if (!order) return refuse("The id provided does not exist");
        return reply(200, match[2] ? collection([...payments.values()].filter((p) => p.order_id === order.id)) : order);
      }
      if ((match = /^\/v1\/payments\/([^/]+)\/refunds?$/.exec(path))) {
        const payment = payments.get(match[1]!);
        if (!payment) return refuse("The id provided does not exist");
        if (req.method === "GET") return reply(200, collection([...refunds.values()].filter((r) => r.payment_id === payment.id)));
        const amount = Number(body.amount);
        if (Number(payment.amount_refunded) + amount > Number(payment.amount)) return refuse("The refund amount provided is greater than amount captured");
        payment.amount_refunded = Number(payment.amount_refunded) + amount;
        const refund = { id: id("rfnd"), entity: "refund", currency: payment.currency, payment_id: payment.id, status: "processed", receipt: null, ...body };
        refunds.set(refund.id, refund);
        return reply(200, refund);
      }
      reply(404, { error: { code: "BAD_REQUEST_ERROR", description: `no route ${path}` } });
    });
  });
  /** A shopper paying an order in Checkout, captured automatically. */
  const pay = (orderId: string) => {
    const order = orders.get(orderId)!;
    const payment = { id: id("pay"), entity: "payment", amount: order.amount, currency: order.currency, status: "captured", order_id: orderId, amount_refunded: 0, notes: [] };
    payments.set(payment.id, payment);
    Object.assign(order, { status: "paid", amount_paid: order.amount, amount_due: 0 });
    return payment;
  };
  return { server, seen, orders, refunds, pay };
}

const signed = (body: string, secret = webhookSecret) => createHmac("sha256", secret).update(body).digest("hex");

describe("the Razorpay provider", () => {
  const fake = fakeRazorpay();
  let provider: RazorpayPaymentProvider;
  const now = new Date("2026-12-04T10:00:00Z");
  const nowSeconds = Math.floor(now.getTime() / 1000);

  beforeAll(async () => {
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    const { port } = fake.server.address() as AddressInfo;
    provider = new RazorpayPaymentProvider(
      razorpayClient(keyId, keySecret, `http://127.0.0.1:${port}`),
      keyId,
      new RazorpayCheckoutSignatures(keySecret),
      new RazorpaySignatures(webhookSecret, 172_800, () => now),
    );
  });
  afterAll(() => new Promise((resolve) => fake.server.close(resolve)));

  const order1 = { amount: money(12_345, "INR"), purpose: { kind: "order" as const, id: "order-1" }, customerId: "user-1", idempotencyKey: "order:order-1:intent" };

  it("creates an Order in paise with our id as receipt and our ids in its notes, once per key", async () => {
    const intent = await provider.createIntent(order1);
    expect(intent.intentId).toMatch(/^order_/);
    expect(intent).toEqual({ intentId: intent.intentId, clientSecret: intent.intentId, status: "requires_payment", amount: money(12_345, "INR") });
    const creates = fake.seen.filter((s) => s.method === "POST" && s.path === "/v1/orders");
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body).toEqual({
      amount: 12_345,
      currency: "INR",
      receipt: "order-1",
      notes: { bbscart_kind: "order", bbscart_id: "order-1", bbscart_customer: "user-1", bbscart_request_key: "order:order-1:intent" },
    });
    // A retry (the first answer lost, or a crash after it) finds the Order the first try made.
    await expect(provider.createIntent(order1)).resolves.toEqual(intent);
    expect(fake.seen.filter((s) => s.method === "POST" && s.path === "/v1/orders")).toHaveLength(1);
    await expect(provider.createIntent({ ...order1, amount: money(1, "INR") })).rejects.toThrow("was used for a different Razorpay order");
    // A new attempt under another key for the same order is another Order, as with Stripe.
    const other = await provider.createIntent({ ...order1, idempotencyKey: "order:order-1:intent:2" });
    expect(other.intentId).not.toBe(intent.intentId);
  });

  it("keeps receipts within Razorpay's 40 characters and the same for the same purpose", () => {
    const long = { kind: "top_up" as const, id: "k".repeat(100) };
    expect(receiptOf(long)).toHaveLength(40);
    expect(receiptOf(long)).toBe(receiptOf({ ...long }));
    expect(receiptOf({ kind: "order", id: "order-1" })).toBe("order-1");
  });

  it("reads an Order back for reconciliation, refunds partly and fully once per key, and cannot cancel a paid Order", async () => {
    const intent = await provider.createIntent({ ...order1, purpose: { kind: "order", id: "order-2" }, idempotencyKey: "order:order-2:intent" });
    await expect(provider.cancelIntent(intent.intentId)).resolves.toBeUndefined();
    const payment = fake.pay(intent.intentId);
    await expect(provider.retrieveIntent(intent.intentId)).resolves.toMatchObject({ status: "succeeded", amount: money(12_345, "INR") });
    await expect(provider.cancelIntent(intent.intentId)).rejects.toThrow("is paid and cannot be cancelled");

    const partial = await provider.refund({ intentId: intent.intentId, amount: money(2_345, "INR"), idempotencyKey: "refund:r-1" });
    expect(await provider.refund({ intentId: intent.intentId, amount: money(2_345, "INR"), idempotencyKey: "refund:r-1" })).toEqual(partial);
    const rest = await provider.refund({ intentId: intent.intentId, amount: money(10_000, "INR"), idempotencyKey: "refund:r-2" });
    expect(rest.refundId).not.toBe(partial.refundId);
    const made = fake.seen.filter((s) => s.method === "POST" && s.path === `/v1/payments/${payment.id}/refund`);
    expect(made.map((s) => s.body)).toEqual([
      { amount: 2_345, notes: { bbscart_refund_key: "refund:r-1" }, receipt: "refund:r-1" },
      { amount: 10_000, notes: { bbscart_refund_key: "refund:r-2" }, receipt: "refund:r-2" },
    ]);
    await expect(provider.refund({ intentId: intent.intentId, amount: money(1, "INR"), idempotencyKey: "refund:r-3" })).rejects.toThrow("greater than amount captured");
  });

  it("says Razorpay is unreachable when nothing answers", async () => {
    const closed = new RazorpayPaymentProvider(
      razorpayClient(keyId, keySecret, "http://127.0.0.1:9"),
      keyId,
      new RazorpayCheckoutSignatures(keySecret),
      new RazorpaySignatures(webhookSecret, 172_800),
    );
    await expect(closed.retrieveIntent("order_x")).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
  });

  it("verifies Checkout's razorpay_signature over order_id|payment_id with the key secret", () => {
    const good = createHmac("sha256", keySecret).update("order_A|pay_B").digest("hex");
    expect(provider.verifyCheckout({ intentId: "order_A", paymentId: "pay_B", signature: good })).toBe(true);
    expect(provider.verifyCheckout({ intentId: "order_A", paymentId: "pay_C", signature: good })).toBe(false);
    expect(provider.verifyCheckout({ intentId: "order_A", paymentId: "pay_B", signature: createHmac("sha256", "other").update("order_A|pay_B").digest("hex") })).toBe(false);
    expect(provider.verifyCheckout({ intentId: "order_A", paymentId: "pay_B", signature: "short" })).toBe(false);
  });

  describe("webhooks", () => {
    const payment = { id: "pay_1", entity: "payment", amount: 12_345, currency: "INR", status: "captured", order_id: "order_1", notes: [] };
    const order = { id: "order_1", entity: "order", amount: 12_345, amount_paid: 12_345, currency: "INR", receipt: "order-1", status: "paid", notes: { bbscart_kind: "order", bbscart_id: "order-1", bbscart_customer: "user-1" } };
    const event = (name: string, payload: Record<string, unknown>, createdAt = nowSeconds) =>
      JSON.stringify({ entity: "event", account_id: "acc_1", event: name, contains: Object.keys(payload), payload, created_at: createdAt });
    const parse = (body: string, headers: Record<string, string> = {}) =>
      provider.parseWebhook(Buffer.from(body), { "x-razorpay-signature": signed(body), "x-razorpay-event-id": "evt_1", ...headers });

    it("maps order.paid, payment.captured, payment.failed, refund.processed and refund.failed to our events", () => {
      expect(parse(event("order.paid", { payment: { entity: payment }, order: { entity: order } }))).toEqual({
        eventId: "evt_1",
        type: "payment_succeeded",
        intentId: "order_1",
        amount: money(12_345, "INR"),
        purpose: { kind: "order", id: "order-1", customerId: "user-1" },
      });
      // Without our notes on the payment, the capture is left to the order.paid that comes with it.
      expect(parse(event("payment.captured", { payment: { entity: payment } }))).toEqual({ eventId: "evt_1", type: "ignored", providerType: "payment.captured" });
      expect(parse(event("payment.captured", { payment: { entity: { ...payment, notes: order.notes } } }))).toMatchObject({ type: "payment_succeeded", intentId: "order_1" });
      const failed = { ...payment, status: "failed", error_code: "BAD_REQUEST_ERROR", error_reason: "payment_timed_out" };
      expect(parse(event("payment.failed", { payment: { entity: failed } }))).toEqual({ eventId: "evt_1", type: "payment_failed", intentId: "order_1", reason: "payment_timed_out", purpose: null });
      const refund = { id: "rfnd_1", entity: "refund", amount: 500, currency: "INR", payment_id: "pay_1", status: "processed", notes: { bbscart_refund_key: "refund:r-1" } };
      expect(parse(event("refund.processed", { refund: { entity: refund }, payment: { entity: payment } }))).toEqual({ eventId: "evt_1", type: "refund_succeeded", intentId: "order_1", refundId: "r-1" });
      expect(parse(event("refund.failed", { refund: { entity: { ...refund, status: "failed" } }, payment: { entity: payment } }))).toMatchObject({ type: "refund_failed", refundId: "r-1" });
      expect(parse(event("refund.processed", { refund: { entity: { ...refund, notes: [] } }, payment: { entity: payment } }))).toMatchObject({ type: "ignored" });
    });

    it("refuses a forged, tampered or stale delivery, and one without its event id", () => {
      const body = event("order.paid", { payment: { entity: payment }, order: { entity: order } });
      expect(() => parse(body, { "x-razorpay-signature": signed(body, "not-the-secret") })).toThrow(WebhookSignatureError);
      expect(() => parse(body.replace("12345", "1"), { "x-razorpay-signature": signed(body) })).toThrow("does not match this body");
      expect(() => parse(body, { "x-razorpay-signature": "" })).toThrow("X-Razorpay-Signature header is missing");
      expect(() => parse(body, { "x-razorpay-event-id": "" })).toThrow("x-razorpay-event-id header is missing");
      expect(() => parse(event("order.paid", { order: { entity: order } }, nowSeconds - 172_801))).toThrow("more than 172800 s ago");
    });

    it("reads a stored event back under the id it was stored with", () => {
      const body = event("order.paid", { payment: { entity: payment }, order: { entity: order } });
      expect(provider.decodeStoredEvent(body, "evt_9")).toEqual({ ...parse(body), eventId: "evt_9" });
    });
  });
});

describe("the shop with PAYMENT_PROVIDER=razorpay", () => {
  const tempDir = useTempDirs();
  const fake = fakeRazorpay();
  let app: RunningApp;
  let shopper: Shopper;

  beforeAll(async () => {
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    const endpoint = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    app = await startApp({
      dataDir: tempDir(),
      workers: true,
      variables: { PAYMENT_PROVIDER: "razorpay", RAZORPAY_KEY_ID: keyId, RAZORPAY_KEY_SECRET: keySecret, RAZORPAY_WEBHOOK_SECRET: webhookSecret, PAYMENTS_BACKOFF_MS: "20" },
      paymentProvider: (_redis, env) =>
        new RazorpayPaymentProvider(
          razorpayClient(keyId, keySecret, endpoint),
          keyId,
          new RazorpayCheckoutSignatures(keySecret),
          new RazorpaySignatures(webhookSecret, env.RAZORPAY_WEBHOOK_TOLERANCE_SECONDS),
        ),
    });
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  const post = (path: string, body: string, eventId: string) =>
    fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", "x-razorpay-signature": signed(body), "x-razorpay-event-id": eventId }, body });

  it("opens Checkout with the key id, allows only Razorpay's script and frame, and answers only Razorpay's webhook route", async () => {
    expect((await call(app.url, "system.info")).data).toMatchObject({ paymentProvider: "razorpay", paymentCheckout: { wireFormat: "razorpay", publicKey: keyId } });
    const csp = (await fetch(`${app.url}/healthz`)).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self' https://checkout.razorpay.com");
    expect(csp).toContain("frame-src 'self' https://api.razorpay.com");
    expect((await fetch(`${app.url}/webhooks/stripe`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(`${app.url}/sandbox/pay`)).status).toBe(404);
  });

  it("takes an order from a Razorpay Order to confirmed by order.paid, once, and refunds part of it at Razorpay", async () => {
    const product = await addProduct(app, { stock: 2, priceMinor: 49_900 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const order = fake.orders.get(receipt.clientSecret!)!;
    expect(order).toMatchObject({ receipt: receipt.orderId, currency: "INR", notes: { bbscart_kind: "order", bbscart_id: receipt.orderId, bbscart_customer: shopper.user.id } });
    const placed = await orderOf(app, receipt.orderId);
    expect(order.amount).toBe(placed.total.minor);

    const payment = fake.pay(order.id);
    const paidEvent = JSON.stringify({
      entity: "event",
      account_id: "acc_fake",
      event: "order.paid",
      contains: ["payment", "order"],
      payload: { payment: { entity: payment }, order: { entity: order } },
      created_at: Math.floor(Date.now() / 1000),
    });
    const answers = await Promise.all([post("/webhooks/razorpay", paidEvent, "evt_paid_1"), post("/webhooks/razorpay", paidEvent, "evt_paid_1")]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await Promise.all(answers.map((a) => a.json() as Promise<{ duplicate: boolean }>))).map((b) => b.duplicate).sort()).toEqual([false, true]);
    const confirmed = await eventually(async () => {
      const current = await orderOf(app, receipt.orderId);
      return current.status === "confirmed" ? current : null;
    });
    expect(confirmed.payment).toMatchObject({ status: "paid", providerIntentId: order.id });
    expect((await app.db.repos.webhooks.find("evt_paid_1"))?.provider).toBe("razorpay");

    const checkoutSignature = createHmac("sha256", keySecret).update(`${order.id}|${payment.id}`).digest("hex");
    const verified = await call(app.url, "order.verifyPayment", { orderId: receipt.orderId, paymentId: payment.id, signature: checkoutSignature }, { token: shopper.token });
    expect(verified.data).toEqual({ verified: true, status: "confirmed", paymentStatus: "paid" });

    const admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "refunds.issue"] });
    const refunded = await call(app.url, "admin.orders.refund", { orderId: receipt.orderId, amountMinor: 9_900, destination: "card", reason: "one item damaged", idempotencyKey: newKey() }, { token: admin.token });
    expect(refunded.status).toBe(200);
    const [refund] = [...fake.refunds.values()].filter((r) => r.payment_id === payment.id);
    expect(refund).toMatchObject({ amount: 9_900, notes: { bbscart_refund_key: expect.stringMatching(/^refund:/) as string } });
    expect(await orderOf(app, receipt.orderId)).toMatchObject({ payment: { status: "partially_refunded", refunded: { minor: 9_900 } } });
  });
});
