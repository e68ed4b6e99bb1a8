import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@bbscart/core";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, makeShoppers, newKey, stockOf, type Shopper } from "./checkout-fixtures.js";
import { deliver, deliveryEventId, eventually, orderOf, placeCardOrder, providerDeliveries, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

const declined = { status: "failed", reason: "generic_decline", description: "Your card was declined." } as const;

/**
 * The same payment scenarios against the sandbox imitating Stripe and imitating Razorpay: each
 * flavour's ids, webhook format, signature scheme and route, through the one intake → queue →
 * processing path. What differs is only what the flavour's page hands back to the shop.
 */
describe.each(["stripe", "razorpay"] as const)("payments with the %s-flavoured sandbox", (flavour) => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;
  let admin: TestAccount;

  beforeAll(async () => {
    app = await startSandboxApp(tempDir(), { SANDBOX_FLAVOUR: flavour });
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "refunds.issue"] });
  });
  afterAll(() => app.close());

  const cardOrder = async () => {
    const product = await addProduct(app, { stock: 3, priceMinor: 25_000 });
    return { product, receipt: await placeCardOrder(app, shopper, product.variantId) };
  };
  const until = (orderId: string, done: (order: Order) => boolean) =>
    eventually(async () => {
      const order = await orderOf(app, orderId);
      return done(order) ? order : null;
    });
  /** Pays on the sandbox page as the shopper's browser does; the redirect back to the shop. */
  const payOnPage = async (clientSecret: string, orderId: string, card: string) => {
    const answer = await fetch(`${app.url}/sandbox/pay`, form({ client_secret: clientSecret, return_url: `/orders/${orderId}?paid=1`, card_number: card, expiry: "12/34", cvc: "123" }));
    expect(answer.status).toBe(303);
    return new URL(answer.headers.get("location")!, app.url);
  };

  it(`speaks ${flavour}'s ids and tells the web app how to check out`, async () => {
    const { receipt } = await cardOrder();
    expect(receipt.clientSecret).toMatch(flavour === "stripe" ? /^pi_sandbox_\w+_secret_\w+$/ : /^order_[0-9a-f]{14}$/);
    expect((await call(app.url, "system.info")).data).toMatchObject({ paymentProvider: "sandbox", paymentCheckout: { wireFormat: flavour, publicKey: null } });
    // The sandbox page stands in for Razorpay Checkout: nothing of Razorpay's is allowed to load.
    expect((await fetch(`${app.url}/healthz`)).headers.get("content-security-policy")).not.toContain("razorpay");
    // Only the imitated provider's webhook route answers.
    const other = flavour === "stripe" ? "razorpay" : "stripe";
    expect((await fetch(`${app.url}/webhooks/${other}`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("takes a payment on the page: webhook, worker, confirmed; the page's answer verifies where the flavour signs one", async () => {
    const { product, receipt } = await cardOrder();
    const back = await payOnPage(receipt.clientSecret!, receipt.orderId, "4242 4242 4242 4242");
    const order = await until(receipt.orderId, (o) => o.status === "confirmed");
    expect(order.payment).toMatchObject({ status: "paid", captured: order.total });
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });

    const verify = (input: Record<string, string>) => call(app.url, "order.verifyPayment", { orderId: receipt.orderId, ...input }, { token: shopper.token });
    if (flavour === "razorpay") {
      const handed = Object.fromEntries(back.searchParams);
      expect(handed).toMatchObject({ paid: "1", razorpay_order_id: order.payment.providerIntentId, razorpay_payment_id: expect.stringMatching(/^pay_/) as string });
      const verified = await verify({ paymentId: handed.razorpay_payment_id!, signature: handed.razorpay_signature! });
      expect(verified.data).toEqual({ verified: true, status: "confirmed", paymentStatus: "paid" });
      const forged = await verify({ paymentId: "pay_someoneelse1", signature: handed.razorpay_signature! });
      expect(forged.error?.data).toMatchObject({ code: "BAD_REQUEST", reason: "PAYMENT_SIGNATURE_MISMATCH", fieldErrors: [{ path: "signature" }] });
    } else {
      expect(Object.fromEntries(back.searchParams)).toMatchObject({ paid: "1", redirect_status: "succeeded" });
      // Stripe's redirect hands back nothing signed: nothing to verify, the order's status is the answer.
      expect((await verify({ paymentId: "pay_none", signature: "0".repeat(64) })).error?.data).toMatchObject({ reason: "PAYMENT_SIGNATURE_MISMATCH" });
    }
  });

  it("keeps a declined order payable, then confirms it when the next attempt succeeds", async () => {
    const { receipt } = await cardOrder();
    const back = await payOnPage(receipt.clientSecret!, receipt.orderId, "4000 0000 0000 0002");
    expect(back.searchParams.get(flavour === "stripe" ? "redirect_status" : "error_reason")).toBe(flavour === "stripe" ? "failed" : "generic_decline");
    const failed = await until(receipt.orderId, (o) => o.payment.failedAttempts.length === 1);
    expect(failed).toMatchObject({ status: "pending_payment", payment: { status: "unpaid", failedAttempts: [{ reason: "generic_decline" }] } });
    await payOnPage(receipt.clientSecret!, receipt.orderId, "4242424242424242");
    await until(receipt.orderId, (o) => o.status === "confirmed");
  });

  it("refunds a payment that lands after its order was cancelled", async () => {
    const { product, receipt } = await cardOrder();
    const intent = (await app.sandbox.intentBySecret(receipt.clientSecret!))!;
    expect((await app.sandbox.transition(intent, ["requires_payment_method"], "succeeded"))?.moved).toBe(true);
    expect((await call(app.url, "order.cancel", { orderId: receipt.orderId, reason: "changed my mind" }, { token: shopper.token })).status).toBe(200);
    for (const delivery of await providerDeliveries(app, receipt.clientSecret!, { status: "succeeded" })) expect((await deliver(app, delivery)).status).toBe(200);
    const order = await until(receipt.orderId, (o) => o.payment.status === "refunded" && o.payment.refunds.every((r) => r.status === "succeeded"));
    expect(order.status).toBe("cancelled");
    expect(order.payment.refunds.map((r) => r.amount.minor)).toEqual([order.total.minor]);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 3, reserved: 0 });
    expect((await app.sandbox.intentBySecret(receipt.clientSecret!))?.refundedMinor).toBe(order.total.minor);
  });

  it("refunds partly, then the rest, to the card; never more than was paid", async () => {
    const { receipt } = await cardOrder();
    await payOnPage(receipt.clientSecret!, receipt.orderId, "4242424242424242");
    const paid = await until(receipt.orderId, (o) => o.status === "confirmed");
    const refund = (amountMinor: number) =>
      call(app.url, "admin.orders.refund", { orderId: receipt.orderId, amountMinor, destination: "card", reason: "damaged in transit", idempotencyKey: newKey() }, { token: admin.token });
    expect((await refund(5_000)).status).toBe(200);
    expect(await orderOf(app, receipt.orderId)).toMatchObject({ payment: { status: "partially_refunded", refunded: { minor: 5_000 } } });
    expect((await refund(paid.total.minor - 5_000)).status).toBe(200);
    expect((await refund(1)).error?.data).toMatchObject({ reason: "REFUND_EXCEEDS_CAPTURED" });
    const refunded = await orderOf(app, receipt.orderId);
    expect(refunded.payment).toMatchObject({ status: "refunded", refunded: { minor: paid.total.minor } });
    expect(refunded.payment.refunds.every((r) => r.status === "succeeded")).toBe(true);
    expect((await app.sandbox.intentBySecret(receipt.clientSecret!))?.refundedMinor).toBe(paid.total.minor);
  });

  it("applies duplicated and out-of-order webhooks once: a late decline after the payment changes nothing", async () => {
    const { product, receipt } = await cardOrder();
    const decline = await providerDeliveries(app, receipt.clientSecret!, declined, new Date(Date.now() - 60_000));
    const success = await providerDeliveries(app, receipt.clientSecret!, { status: "succeeded" });
    // Success first (each delivery three times at once), the earlier decline last.
    for (const delivery of success) {
      const answers = await Promise.all([deliver(app, delivery), deliver(app, delivery), deliver(app, delivery)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(((await Promise.all(answers.map((a) => a.json()))) as { duplicate: boolean }[]).filter((b) => !b.duplicate)).toHaveLength(1);
    }
    for (const delivery of decline) expect((await deliver(app, delivery)).status).toBe(200);
    for (const delivery of [...success, ...decline]) {
      await eventually(async () => (await app.db.repos.webhooks.find(deliveryEventId(delivery)))?.status === "processed");
    }
    const order = await orderOf(app, receipt.orderId);
    expect(order).toMatchObject({ status: "confirmed", payment: { status: "paid", failedAttempts: [] } });
    expect(order.payment.captureRefs).toHaveLength(1);
    expect((await app.db.repos.ledger.byReference(receipt.orderId)).filter((t) => t.kind === "order_payment")).toHaveLength(1);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });
  });

  it("answers a forged or stale signature with 400 and no effect", async () => {
    const { receipt } = await cardOrder();
    const [fresh] = await providerDeliveries(app, receipt.clientSecret!, { status: "succeeded" });
    const [stale] = await providerDeliveries(app, receipt.clientSecret!, { status: "succeeded" }, new Date(Date.now() - 3 * 86_400_000));
    const signatureHeader = flavour === "stripe" ? "stripe-signature" : "x-razorpay-signature";
    const forgedSignature = flavour === "stripe" ? `t=${Math.floor(Date.now() / 1000)},v1=${"a".repeat(64)}` : "a".repeat(64);
    const answers = await Promise.all([
      deliver(app, fresh!, { [signatureHeader]: forgedSignature }),
      deliver(app, { ...fresh!, body: fresh!.body.replace(/"amount":\d+/, '"amount":1') }),
      deliver(app, stale!),
      deliver(app, fresh!, { [signatureHeader]: "" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    for (const delivery of [fresh!, stale!]) expect(await app.db.repos.webhooks.find(deliveryEventId(delivery))).toBeNull();
    expect(await orderOf(app, receipt.orderId)).toMatchObject({ status: "pending_payment", payment: { status: "unpaid" } });
  });
});

describe("UPI on the Razorpay-flavoured sandbox", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;

  beforeAll(async () => {
    app = await startSandboxApp(tempDir(), { SANDBOX_FLAVOUR: "razorpay" });
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  const upi = (clientSecret: string, orderId: string, vpa: string) =>
    fetch(`${app.url}/sandbox/pay/upi`, form({ client_secret: clientSecret, return_url: `/orders/${orderId}?paid=1`, vpa }));

  it("offers UPI first; a timed-out and a declined collect request leave the order payable, an approved one pays it", async () => {
    const product = await addProduct(app, { stock: 1, priceMinor: 19_900 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const page = await fetch(`${app.url}/sandbox/pay?${new URLSearchParams({ client_secret: receipt.clientSecret!, return_url: "/" }).toString()}`);
    const html = await page.text();
    expect(html).toMatch(/<label for="vpa">UPI ID<\/label>/);
    expect(html.indexOf('id="vpa"')).toBeLessThan(html.indexOf('id="card_number"'));
    expect(html).not.toMatch(/<script/);

    expect((await upi(receipt.clientSecret!, receipt.orderId, "nobody@upi")).status).toBe(422);
    const timedOut = await upi(receipt.clientSecret!, receipt.orderId, "timeout@razorpay");
    expect(new URL(timedOut.headers.get("location")!, app.url).searchParams.get("error_reason")).toBe("payment_timed_out");
    await upi(receipt.clientSecret!, receipt.orderId, "failure@razorpay");
    const failed = await eventually(async () => {
      const order = await orderOf(app, receipt.orderId);
      return order.payment.failedAttempts.length === 2 ? order : null;
    });
    expect(failed.payment.failedAttempts.map((a) => a.reason).sort()).toEqual(["payment_failed", "payment_timed_out"]);

    const approved = await upi(receipt.clientSecret!, receipt.orderId, "success@razorpay");
    const back = new URL(approved.headers.get("location")!, app.url);
    const verified = await call(
      app.url,
      "order.verifyPayment",
      { orderId: receipt.orderId, paymentId: back.searchParams.get("razorpay_payment_id"), signature: back.searchParams.get("razorpay_signature") },
      { token: shopper.token },
    );
    expect(verified.data).toMatchObject({ verified: true });
    await eventually(async () => (await orderOf(app, receipt.orderId)).status === "confirmed");
    // Razorpay sends payment.captured (no notes of ours on the payment: acknowledged, left to order.paid) and order.paid.
    const events = (await app.db.repos.webhooks.list({ status: null, cursor: null, limit: 100 })).items;
    expect(events.map((e) => [e.provider, e.type, e.status]).sort()).toEqual(
      [
        ["sandbox", "payment.captured", "processed"],
        ["sandbox", "payment_failed", "processed"],
        ["sandbox", "payment_failed", "processed"],
        ["sandbox", "payment_succeeded", "processed"],
      ].sort(),
    );
  });
});
