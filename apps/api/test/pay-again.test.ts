import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addProduct, makeShoppers, type Shopper } from "./checkout-fixtures.js";
import { eventually, intentEvent, orderOf, placeCardOrder, postWebhook, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

describe("paying again for a card order", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;
  let other: Shopper;

  beforeAll(async () => {
    app = await startSandboxApp(tempDir());
    [shopper, other] = (await makeShoppers(app, 2)) as [Shopper, Shopper];
  });
  afterAll(() => app.close());

  const payment = (who: Shopper, orderId: string) => call(app.url, "order.payment", { orderId }, { token: who.token });

  it("gives the owner the same intent's secret after a decline, hides it from others, and refuses once paid", async () => {
    const product = await addProduct(app, { stock: 3, priceMinor: 25_000 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const declined = await intentEvent(app, receipt.clientSecret!, "payment_intent.payment_failed", "requires_payment_method");
    expect((await postWebhook(app, declined)).status).toBe(200);
    await eventually(async () => (await orderOf(app, receipt.orderId)).payment.failedAttempts.length === 1);
    expect((await orderOf(app, receipt.orderId)).status).toBe("pending_payment");

    // Any tab can ask: no idempotency key of the checkout is needed, and no second intent is made.
    const again = await payment(shopper, receipt.orderId);
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ clientSecret: receipt.clientSecret });

    const stranger = await payment(other, receipt.orderId);
    expect(stranger.status).toBe(404);

    const paid = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    expect((await postWebhook(app, paid)).status).toBe(200);
    await eventually(async () => (await orderOf(app, receipt.orderId)).status === "confirmed");
    const refused = await payment(shopper, receipt.orderId);
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/confirmed/);
  });

  it("creates the intent under the order's own key when none is attached yet", async () => {
    const product = await addProduct(app, { stock: 3, priceMinor: 25_000 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const order = await orderOf(app, receipt.orderId);
    // As if the process stopped between placement and attaching its intent.
    await app.db.repos.orders.save({ ...order, payment: { ...order.payment, providerIntentId: null }, version: order.version + 1 }, order.version);
    const again = await payment(shopper, receipt.orderId);
    // The provider answers the order's key with the intent placement made; it is attached again.
    expect(again.data).toEqual({ clientSecret: receipt.clientSecret });
    expect((await orderOf(app, receipt.orderId)).payment.providerIntentId).toBe(order.payment.providerIntentId);
  });
});
