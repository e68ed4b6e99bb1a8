import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePayments } from "../src/services/payments/index.js";
import { makeShoppers, newKey, walletBalance, type Shopper } from "./checkout-fixtures.js";
import { deliver, deliveryEventId, eventually, providerDeliveries, reconcileAt, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const hours = (n: number) => n * 3_600_000;

/**
 * A wallet top-up whose webhook never arrives is repaired by reconciliation, through the webhook's
 * own credit: once, whatever arrives later or at the same moment. Both sandbox flavours, so each
 * provider's webhook format meets the repaired top-up.
 */
describe.each(["stripe", "razorpay"] as const)("top-up reconciliation with the %s-flavoured sandbox", (flavour) => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shoppers: Shopper[];
  const at = (now: Date) => reconcileAt(app, now);

  beforeAll(async () => {
    // The worker's reconciliation job runs every 200 ms and asks about top-ups open for 300 ms.
    app = await startSandboxApp(tempDir(), { SANDBOX_FLAVOUR: flavour, RECONCILE_EVERY_MS: "200", RECONCILE_AFTER_MS: "300" });
    shoppers = await makeShoppers(app, 3);
  });
  afterAll(() => app.close());

  const startTopUp = async (shopper: Shopper, amountMinor: number) => {
    const key = newKey();
    const started = await call(app.url, "wallet.topUp", { amountMinor, idempotencyKey: key }, { token: shopper.token });
    expect(started.status).toBe(200);
    return { key, clientSecret: (started.data as { clientSecret: string }).clientSecret };
  };
  /** The shopper pays on the provider's side; the webhook that would tell the shop is dropped. */
  const payWithoutWebhook = async (clientSecret: string) => {
    const intent = (await app.sandbox.intentBySecret(clientSecret))!;
    expect((await app.sandbox.transition(intent, ["requires_payment_method"], "succeeded"))?.moved).toBe(true);
    return intent.id;
  };
  const creditsOf = async (intentId: string) => (await app.db.repos.ledger.byReference(intentId)).filter((t) => t.kind === "top_up");
  const creditNotices = async (intentId: string) =>
    (await app.db.repos.outbox.list({ status: null, cursor: null, limit: 500 })).items.filter((m) => m.id.startsWith(`topup:${intentId}:`));

  it("credits a paid top-up whose webhook was lost, once, from the worker's job; the late webhook then changes nothing", async () => {
    const shopper = shoppers[0]!;
    const before = await walletBalance(app, shopper.user.id);
    const { key, clientSecret } = await startTopUp(shopper, 40_000);
    expect((await app.db.repos.idempotency.find(shopper.user.id, "wallet_top_up", key))?.openSince).toBeInstanceOf(Date);
    const intentId = await payWithoutWebhook(clientSecret);

    await eventually(async () => (await walletBalance(app, shopper.user.id)) === before + 40_000);
    expect(await app.db.repos.idempotency.find(shopper.user.id, "wallet_top_up", key)).toMatchObject({ resultId: intentId, openSince: null });
    const records = await app.services.payments.admin.reconciliations({ cursor: null, limit: 50 });
    expect(records.items.filter((r) => r.targetId === intentId)).toEqual([
      expect.objectContaining({ action: "payment.reconcile.top_up_credited", targetType: "wallet_top_up", after: { status: "credited", amountMinor: 40_000 } }),
    ]);

    // The provider's webhook turns up after all, twice: acknowledged, processed, nothing more credited.
    for (const delivery of await providerDeliveries(app, clientSecret, { status: "succeeded" })) {
      for (let i = 0; i < 2; i++) expect((await deliver(app, delivery)).status).toBe(200);
      await eventually(async () => (await app.db.repos.webhooks.find(deliveryEventId(delivery)))?.status === "processed");
    }
    expect(await walletBalance(app, shopper.user.id)).toBe(before + 40_000);
    expect(await creditsOf(intentId)).toHaveLength(1);
    expect((await creditNotices(intentId)).length).toBeGreaterThan(0);
  });

  it("credits once when the webhook and reconciliation arrive at the same moment", async () => {
    const shopper = shoppers[1]!;
    const before = await walletBalance(app, shopper.user.id);
    const { clientSecret } = await startTopUp(shopper, 25_000);
    const intentId = await payWithoutWebhook(clientSecret);
    const deliveries = await providerDeliveries(app, clientSecret, { status: "succeeded" });
    const soon = new Date(Date.now() + 60_000);
    const [repairs] = await Promise.all([
      reconcilePayments(at(soon), { awaitingAfterMs: 0, limit: 50 }),
      ...deliveries.map((delivery) => deliver(app, delivery)),
      reconcilePayments(at(soon), { awaitingAfterMs: 0, limit: 50 }),
    ]);
    for (const delivery of deliveries) await eventually(async () => (await app.db.repos.webhooks.find(deliveryEventId(delivery)))?.status === "processed");
    expect(await walletBalance(app, shopper.user.id)).toBe(before + 25_000);
    expect(await creditsOf(intentId)).toHaveLength(1);
    expect(repairs.filter((r) => "topUp" in r && r.topUp.userId === shopper.user.id && r.action !== "credited")).toEqual([]);
  });

  it("closes an unpaid top-up past the payment window, cancelling its intent first; a payment cannot land on it", async () => {
    const shopper = shoppers[2]!;
    const before = await walletBalance(app, shopper.user.id);
    const { key, clientSecret } = await startTopUp(shopper, 10_000);
    const soon = new Date(Date.now() + 60_000);
    // Within the window (30 minutes by default): left open, the shopper may still be paying.
    const early = await reconcilePayments(at(soon), { awaitingAfterMs: 0, limit: 50 });
    expect(early.filter((r) => "topUp" in r && r.topUp.key === key)).toEqual([]);

    const late = await reconcilePayments(at(new Date(Date.now() + hours(2))), { awaitingAfterMs: 0, limit: 50 });
    expect(late.filter((r) => "topUp" in r && r.topUp.key === key)).toEqual([{ topUp: { userId: shopper.user.id, key }, action: "abandoned" }]);
    expect((await app.sandbox.intentBySecret(clientSecret))?.status).toBe("canceled");
    expect((await app.db.repos.idempotency.find(shopper.user.id, "wallet_top_up", key))?.openSince).toBeNull();
    expect(await app.db.repos.idempotency.findOpen("wallet_top_up", new Date(Date.now() + hours(3)), 50)).toEqual([]);
    expect(await walletBalance(app, shopper.user.id)).toBe(before);
  });
});
