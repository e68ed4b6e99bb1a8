import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { bullConnection, enqueuePaymentEvent, queueNames } from "../src/jobs/queues.js";
import { addProduct, makeShoppers, stockOf, type Shopper } from "./checkout-fixtures.js";
import { eventually, intentEvent, orderOf, placeCardOrder, postWebhook, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const eventId = (payload: string) => (JSON.parse(payload) as { id: string }).id;

describe("payment webhooks", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;

  const cardOrder = async () => {
    const product = await addProduct(app, { stock: 3, priceMinor: 25_000 });
    return { product, receipt: await placeCardOrder(app, shopper, product.variantId) };
  };

  beforeAll(async () => {
    app = await startSandboxApp(tempDir());
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  it("refuses a tampered body, a wrong secret and a stale timestamp with 400, storing nothing", async () => {
    const { receipt } = await cardOrder();
    const payload = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    const tampered = payload.replace(/"amount":\d+/, '"amount":1');
    const answers = await Promise.all([
      postWebhook(app, payload, { body: tampered }),
      postWebhook(app, payload, { secret: "whsec_someone_else_0123456789" }),
      postWebhook(app, payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      fetch(`${app.url}/webhooks/stripe`, { method: "POST", body: payload }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(await app.db.repos.webhooks.find(eventId(payload))).toBeNull();
    expect((await orderOf(app, receipt.orderId)).status).toBe("pending_payment");
  });

  it("applies one event delivered 50 times at once exactly once", async () => {
    const { product, receipt } = await cardOrder();
    const payload = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    const answers = await Promise.all(Array.from({ length: 50 }, () => postWebhook(app, payload)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { duplicate: boolean }[];
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);

    const stored = await eventually(async () => {
      const event = await app.db.repos.webhooks.find(eventId(payload));
      return event?.status === "processed" ? event : null;
    });
    expect(stored.attempts).toBe(1);
    const order = await orderOf(app, receipt.orderId);
    expect(order.status).toBe("confirmed");
    expect(order.payment.captureRefs).toHaveLength(1);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });
    const captures = await app.db.repos.ledger.byReference(receipt.orderId);
    expect(captures.filter((t) => t.kind === "order_payment")).toHaveLength(1);

    // Re-enqueued after its job is gone (BullMQ's dedupe has ended): the stored mark stops it.
    const queue = new Queue(queueNames.payments, { connection: bullConnection(app.env), prefix: app.env.REDIS_PREFIX });
    try {
      await (await queue.getJob(`event-${eventId(payload)}`))?.remove();
      await enqueuePaymentEvent(queue, eventId(payload));
      await eventually(async () => (await queue.getJob(`event-${eventId(payload)}`))?.finishedOn);
      expect(await (await queue.getJob(`event-${eventId(payload)}`))?.returnvalue).toBe("skipped");
    } finally {
      await queue.close();
    }
    expect((await orderOf(app, receipt.orderId)).version).toBe(order.version);
    expect((await app.db.repos.ledger.byReference(receipt.orderId)).length).toBe(captures.length);
  });

  it("keeps a declined order payable, and confirms it when the next card succeeds", async () => {
    const { receipt } = await cardOrder();
    const declined = await intentEvent(app, receipt.clientSecret!, "payment_intent.payment_failed", "requires_payment_method", {
      lastError: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
    });
    expect((await postWebhook(app, declined)).status).toBe(200);
    const failed = await eventually(async () => {
      const order = await orderOf(app, receipt.orderId);
      return order.payment.failedAttempts.length === 1 ? order : null;
    });
    expect(failed.status).toBe("pending_payment");
    expect(failed.payment.failedAttempts[0]?.reason).toBe("generic_decline");

    const paid = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    expect((await postWebhook(app, paid)).status).toBe(200);
    await eventually(async () => (await orderOf(app, receipt.orderId)).status === "confirmed");

    // The decline delivered late again (a new event id) changes nothing now.
    const lateDecline = await intentEvent(app, receipt.clientSecret!, "payment_intent.payment_failed", "requires_payment_method");
    await postWebhook(app, lateDecline);
    await eventually(async () => (await app.db.repos.webhooks.find(eventId(lateDecline)))?.status === "processed");
    expect(await orderOf(app, receipt.orderId)).toMatchObject({ status: "confirmed", payment: { status: "paid", failedAttempts: [{}] } });
  });

  it("releases an unpaid order at once when the provider cancels its payment, and ignores the cancellation once paid", async () => {
    const { product, receipt } = await cardOrder();
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 3, reserved: 1 });
    const cancelled = await intentEvent(app, receipt.clientSecret!, "payment_intent.canceled", "canceled");
    expect((await postWebhook(app, cancelled)).status).toBe(200);
    const order = await eventually(async () => {
      const current = await orderOf(app, receipt.orderId);
      return current.status === "cancelled" ? current : null;
    });
    // Long before its expiry: the stock is back for other shoppers, and nothing is cancelled twice.
    expect(order.cancelReason).toBe("payment cancelled by the payment provider");
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 3, reserved: 0 });

    const paid = await cardOrder();
    await postWebhook(app, await intentEvent(app, paid.receipt.clientSecret!, "payment_intent.succeeded", "succeeded"));
    await eventually(async () => ((await orderOf(app, paid.receipt.orderId)).status === "confirmed" ? true : null));
    const late = await intentEvent(app, paid.receipt.clientSecret!, "payment_intent.canceled", "canceled");
    expect((await postWebhook(app, late)).status).toBe(200);
    await eventually(async () => ((await app.db.repos.webhooks.find(eventId(late)))?.status === "processed" ? true : null));
    expect((await orderOf(app, paid.receipt.orderId)).status).toBe("confirmed");
  });

  it("refunds a payment that succeeds after its order was cancelled", async () => {
    const { product, receipt } = await cardOrder();
    // The shopper pays just as they cancel: the money is taken, the webhook arrives after the cancellation.
    const intent = (await app.sandbox.intentBySecret(receipt.clientSecret!))!;
    expect((await app.sandbox.transition(intent, ["requires_payment_method"], "succeeded"))?.moved).toBe(true);
    const cancelled = await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "changed my mind" }, { token: shopper.token });
    expect(cancelled.status).toBe(200);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 3, reserved: 0 });

    const payload = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    expect((await postWebhook(app, payload)).status).toBe(200);
    const order = await eventually(async () => {
      const current = await orderOf(app, receipt.orderId);
      return current.payment.status === "refunded" && current.payment.refunds.every((r) => r.status === "succeeded") ? current : null;
    });
    expect(order.status).toBe("cancelled");
    expect(order.payment.refunds).toHaveLength(1);
    expect(order.payment.refunds[0]?.amount.minor).toBe(order.total.minor);
  });

  it("rejects an event whose amount differs from the order, without applying it", async () => {
    const { receipt } = await cardOrder();
    const payload = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded", { amountMinor: 1 });
    expect((await postWebhook(app, payload)).status).toBe(200);
    const stored = await eventually(async () => {
      const event = await app.db.repos.webhooks.find(eventId(payload));
      return event?.status === "failed" ? event : null;
    });
    expect(stored.lastError).toMatch(/took 1 INR/);
    expect((await orderOf(app, receipt.orderId)).status).toBe("pending_payment");
  });
});
