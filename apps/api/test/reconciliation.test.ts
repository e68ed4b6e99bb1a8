import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePayments } from "../src/services/payments/index.js";
import { addProduct, makeShoppers, stockOf, type Shopper } from "./checkout-fixtures.js";
import { orderOf, placeCardOrder, reconcileAt, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";

const hours = (n: number) => n * 3_600_000;

describe("payment reconciliation", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;
  const at = (now: Date) => reconcileAt(app, now);

  beforeAll(async () => {
    app = await startSandboxApp(tempDir());
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  it("confirms an order whose payment succeeded at the provider when the webhook never came, once", async () => {
    const product = await addProduct(app, { stock: 2 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const intent = (await app.sandbox.intentBySecret(receipt.clientSecret!))!;
    await app.sandbox.transition(intent, ["requires_payment_method"], "succeeded"); // paid; the webhook is dropped

    const soon = new Date(Date.now() + 60_000);
    expect(await reconcilePayments(at(soon), { awaitingAfterMs: 0, limit: 50 })).toEqual([{ orderId: receipt.orderId, action: "confirmed" }]);
    expect(await orderOf(app, receipt.orderId)).toMatchObject({ status: "confirmed", payment: { status: "paid", providerIntentId: intent.id } });
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 0 });
    expect(await reconcilePayments(at(soon), { awaitingAfterMs: 0, limit: 50 })).toEqual([]);

    const records = await app.services.payments.admin.reconciliations({ cursor: null, limit: 10 });
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({ actorId: "system:reconciliation", action: "payment.reconcile.confirmed", targetId: receipt.orderId, after: { status: "confirmed" } });
  });

  it("cancels an expired order's intent at the provider first, then expires the order and releases its stock", async () => {
    const product = await addProduct(app, { stock: 1 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 1 });

    const late = new Date(Date.now() + hours(2));
    expect(await reconcilePayments(at(late), { awaitingAfterMs: hours(1), limit: 50 })).toEqual([{ orderId: receipt.orderId, action: "expired" }]);
    expect((await app.sandbox.intentBySecret(receipt.clientSecret!))?.status).toBe("canceled");
    expect((await orderOf(app, receipt.orderId)).status).toBe("cancelled");
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 0 });
    const records = await app.services.payments.admin.reconciliations({ cursor: null, limit: 10 });
    expect(records.items[0]).toMatchObject({ action: "payment.reconcile.expired", targetId: receipt.orderId });
  });
});
