import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, UnitOfWork } from "@bbscart/core";
import { createLogger } from "../src/logger.js";
import { timeOrderedIds } from "../src/runtime.js";
import { processPaymentEvent, reconcilePayments } from "../src/services/payments/index.js";
import { addProduct, makeShoppers, type Shopper } from "./checkout-fixtures.js";
import { intentEvent, orderOf, placeCardOrder, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";

/** What MongoDB's `withTransaction` does on a TransientTransactionError at commit: roll back and run the callback again. */
class LostCommit extends Error {}

/**
 * A handle whose first unit of work runs its callback, loses the commit, lets `between` change the
 * database (another worker's work), then runs the callback again: the re-run the port allows.
 */
function rerunOnce(db: DatabaseHandle, between: () => Promise<void>): DatabaseHandle {
  let first = true;
  const uow: UnitOfWork = {
    async run(fn) {
      if (first) {
        first = false;
        await db.uow
          .run(async (repos) => {
            await fn(repos);
            throw new LostCommit();
          })
          .catch((error: unknown) => {
            if (!(error instanceof LostCommit)) throw error;
          });
        await between();
      }
      return db.uow.run(fn);
    },
  };
  return { ...db, uow };
}

describe("a unit of work run again", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;

  beforeAll(async () => {
    // The relay and reconciliation stay out of the way: the test runs each step itself.
    app = await startSandboxApp(tempDir(), { PAYMENTS_RELAY_AFTER_MS: "3600000", RECONCILE_EVERY_MS: "86400000" });
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  it("marks a webhook event processed when the re-run finds its payment already applied by reconciliation", async () => {
    const product = await addProduct(app, { stock: 2 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const intent = (await app.sandbox.intentBySecret(receipt.clientSecret!))!;
    await app.sandbox.transition(intent, ["requires_payment_method"], "succeeded");
    const payload = await intentEvent(app, receipt.clientSecret!, "payment_intent.succeeded", "succeeded");
    const eventId = (JSON.parse(payload) as { id: string }).id;
    // Stored as intake stores it, but not queued: this test processes it.
    await app.db.repos.webhooks.insert({
      id: eventId, provider: "stripe", type: "payment_succeeded", payload, receivedAt: new Date(),
      status: "received", attempts: 0, claimedAt: null, lastError: null, lastFailedAt: null, processedAt: null,
    });
    const deps = { clock: { now: () => new Date() }, log: createLogger(app.env, "worker"), provider: app.sandbox, deliver: () => Promise.resolve() };
    const reconcile = async () => {
      const soon = new Date(Date.now() + 60_000);
      expect(await reconcilePayments({ ...deps, db: app.db, ids: timeOrderedIds, clock: { now: () => soon } }, { awaitingAfterMs: 0, limit: 50 })).toEqual([
        { orderId: receipt.orderId, action: "confirmed" },
      ]);
    };

    expect(await processPaymentEvent({ ...deps, db: rerunOnce(app.db, reconcile), claimStaleMs: 60_000 }, eventId)).toBe("processed");

    // The first run saved the order and set its mark, then rolled back; the re-run changed nothing,
    // so the mark is written on its own — the event must not stay "processing" until it goes stale.
    expect(await app.db.repos.webhooks.find(eventId)).toMatchObject({ status: "processed", attempts: 1 });
    const order = await orderOf(app, receipt.orderId);
    expect(order).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
    expect(order.payment.captureRefs).toHaveLength(1);
  });
});
