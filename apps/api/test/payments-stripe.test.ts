import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { money, WebhookSignatureError } from "@bbscart/core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeSignatures } from "../src/providers/create-provider.js";
import { stripeClient, StripePaymentProvider } from "../src/providers/stripe/provider.js";
import { testSecrets } from "./harness.js";

interface Seen {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: URLSearchParams;
}

/**
 * Stripe's API stands outside this machine, so a local server answers in its place: the real
 * `stripe` library talks to it over HTTP, and the test reads exactly what would have reached Stripe.
 */
function fakeStripe() {
  const seen: Seen[] = [];
  let failNextCreate = false;
  const intent = (status: string, body: URLSearchParams) => ({
    id: "pi_fake_1",
    object: "payment_intent",
    amount: Number(body.get("amount") ?? 12_345),
    currency: body.get("currency") ?? "inr",
    status,
    client_secret: "pi_fake_1_secret_abc",
    metadata: {},
  });
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      const path = req.url ?? "";
      seen.push({ method: req.method ?? "", path, idempotencyKey: req.headers["idempotency-key"] as string | undefined, body });
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${seen.length}`, ...headers });
        res.end(JSON.stringify(payload));
      };
      if (path === "/v1/payment_intents" && failNextCreate) {
        failNextCreate = false;
        return reply(500, { error: { type: "api_error", message: "try again" } }, { "stripe-should-retry": "true" });
      }
      if (path === "/v1/payment_intents") return reply(200, intent("requires_payment_method", body));
      if (path === "/v1/payment_intents/pi_fake_1") return reply(200, intent("canceled", body));
      if (path === "/v1/payment_intents/pi_fake_1/cancel") {
        return reply(400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: "already canceled" } });
      }
      if (path === "/v1/refunds") return reply(200, { id: "re_fake_1", object: "refund", status: "pending", payment_intent: body.get("payment_intent"), metadata: {} });
      reply(404, { error: { type: "invalid_request_error", message: `no route ${path}` } });
    });
  });
  return { server, seen, failCreateOnce: () => (failNextCreate = true) };
}

describe("the Stripe provider", () => {
  const fake = fakeStripe();
  let provider: StripePaymentProvider;
  const signatures = stripeSignatures({ STRIPE_WEBHOOK_TOLERANCE_SECONDS: 300 }, testSecrets);

  beforeAll(async () => {
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    const { port } = fake.server.address() as AddressInfo;
    provider = new StripePaymentProvider(stripeClient("sk_test_fake", { host: "127.0.0.1", port, protocol: "http" }), signatures);
  });
  afterAll(() => new Promise((resolve) => fake.server.close(resolve)));

  it("creates an intent with our idempotency key and ids, and retries a failed call under the same key", async () => {
    fake.failCreateOnce();
    const intent = await provider.createIntent({
      amount: money(12_345, "INR"),
      purpose: { kind: "order", id: "order-1" },
      customerId: "user-1",
      idempotencyKey: "order:order-1:intent",
    });
    expect(intent).toEqual({ intentId: "pi_fake_1", clientSecret: "pi_fake_1_secret_abc", status: "requires_payment", amount: money(12_345, "INR") });
    const creates = fake.seen.filter((s) => s.path === "/v1/payment_intents");
    expect(creates.map((s) => s.idempotencyKey)).toEqual(["order:order-1:intent", "order:order-1:intent"]);
    expect(Object.fromEntries(creates[1]!.body)).toMatchObject({
      amount: "12345",
      currency: "inr",
      "metadata[bbscart_kind]": "order",
      "metadata[bbscart_id]": "order-1",
      "metadata[bbscart_customer]": "user-1",
    });
  });

  it("refunds under our refund key, and treats cancelling a cancelled intent as done", async () => {
    await expect(provider.refund({ intentId: "pi_fake_1", amount: money(500, "INR"), idempotencyKey: "refund:r-1" })).resolves.toEqual({ refundId: "re_fake_1" });
    const refund = fake.seen.find((s) => s.path === "/v1/refunds")!;
    expect(refund.idempotencyKey).toBe("refund:r-1");
    expect(Object.fromEntries(refund.body)).toEqual({ payment_intent: "pi_fake_1", amount: "500", "metadata[bbscart_refund_key]": "refund:r-1" });

    await expect(provider.cancelIntent("pi_fake_1", "order:order-1:cancel-intent")).resolves.toBeUndefined();
    expect(fake.seen.find((s) => s.path.endsWith("/cancel"))?.idempotencyKey).toBe("order:order-1:cancel-intent");
  });

  it("reads Stripe's signed events with the real library, naming our ids", () => {
    const refundEvent = JSON.stringify({
      id: "evt_1",
      object: "event",
      type: "refund.updated",
      data: { object: { id: "re_fake_1", object: "refund", status: "succeeded", payment_intent: "pi_fake_1", metadata: { bbscart_refund_key: "refund:r-1" } } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload: refundEvent, secret: testSecrets.webhookSecret });
    expect(provider.parseWebhook(Buffer.from(refundEvent), { "stripe-signature": header })).toEqual({ eventId: "evt_1", type: "refund_succeeded", intentId: "pi_fake_1", refundId: "r-1" });

    const other = JSON.stringify({ id: "evt_2", object: "event", type: "customer.created", data: { object: {} } });
    const otherHeader = Stripe.webhooks.generateTestHeaderString({ payload: other, secret: testSecrets.webhookSecret });
    expect(provider.parseWebhook(Buffer.from(other), { "stripe-signature": otherHeader })).toEqual({ eventId: "evt_2", type: "ignored", providerType: "customer.created" });
    expect(() => provider.parseWebhook(Buffer.from(other), { "stripe-signature": header })).toThrow(WebhookSignatureError);
  });
});
