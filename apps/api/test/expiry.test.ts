import { once } from "node:events";
import type { Clock } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExpiryNotDue, expireOrder, type OrderExpiryDeps } from "../src/services/orders/index.js";
import { orderExpiryWorker } from "../src/jobs/order-expiry-worker.js";
import { BullJobScheduler } from "../src/jobs/queues.js";
import { createLogger } from "../src/logger.js";
import type { Receipt } from "../src/services/checkout/index.js";
import { addProduct, address, creditWallet, makeShoppers, newKey, stockOf, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const minutes = (n: number) => n * 60_000;

describe("unpaid orders expire", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let now = new Date("2025-03-01T10:00:00Z");
  const clock: Clock = { now: () => now };
  const delivered: string[] = [];
  let deps: OrderExpiryDeps;
  let shopper: Shopper;

  const checkout = async (variantId: string, paymentMethod: "card" | "wallet") => {
    await call(app.url, "cart.add", { variantId, quantity: 1 }, { token: shopper.token });
    const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod, idempotencyKey: newKey() }, { token: shopper.token });
    return placed.data as Receipt;
  };
  const at = (date: Date): OrderExpiryDeps => ({ ...deps, clock: { now: () => date } });

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), clock, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    deps = {
      db: app.db,
      clock,
      log: createLogger(app.env, "worker"),
      provider: app.provider,
      deliver: (ids) => {
        delivered.push(...ids);
      },
    };
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  it("cancels a card order left unpaid past its expiry, releasing its stock, once", async () => {
    const product = await addProduct(app, { stock: 2 });
    const receipt = await checkout(product.variantId, "card");
    expect(receipt.clientSecret).toMatch(/_secret$/);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 1 });

    // Default settings hold stock for 30 minutes; a job running early changes nothing and asks to be retried.
    await expect(expireOrder(at(new Date(now.getTime() + minutes(29))), receipt.orderId)).rejects.toBeInstanceOf(ExpiryNotDue);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 1 });

    const late = at(new Date(now.getTime() + minutes(31)));
    expect(await expireOrder(late, receipt.orderId)).toBe("expired");
    const order = await app.db.repos.orders.findById(receipt.orderId);
    expect(order?.status).toBe("cancelled");
    expect(order?.history.at(-1)).toMatchObject({ kind: "status", event: "expire", actor: { kind: "system" } });
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });
    expect((await app.provider.retrieveIntent(order!.payment.providerIntentId!)).status).toBe("cancelled");
    expect(delivered.length).toBeGreaterThan(0);

    expect(await expireOrder(late, receipt.orderId)).toBe("unchanged");
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 2, reserved: 0 });
    expect(await expireOrder(late, "no-such-order")).toBe("unchanged");
  });

  it("leaves a paid order alone however late the job runs", async () => {
    const product = await addProduct(app, { stock: 2 });
    await creditWallet(app, shopper.user.id, 500_000);
    const receipt = await checkout(product.variantId, "wallet");
    expect(await expireOrder(at(new Date(now.getTime() + minutes(120))), receipt.orderId)).toBe("unchanged");
    expect((await app.db.repos.orders.findById(receipt.orderId))?.status).toBe("confirmed");
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 0 });
  });

  it("runs as a delayed BullMQ job on a real worker, which shuts down cleanly", async () => {
    now = new Date("2025-03-02T10:00:00Z");
    const product = await addProduct(app, { stock: 1 });
    const receipt = await checkout(product.variantId, "card");
    const expiresAt = (await app.db.repos.orders.findById(receipt.orderId))!.expiresAt!;
    const env = { ...app.env, REDIS_PREFIX: `${app.env.REDIS_PREFIX}:expiry`, QUEUE_LOCK_MS: 1_000, ORDER_EXPIRY_BACKOFF_MS: 10 };
    // The scheduler's clock stands 300 ms before the expiry, the worker's just after it.
    const scheduler = new BullJobScheduler(env, { now: () => new Date(expiresAt.getTime() - 300) }, at(expiresAt).log);
    const worker = orderExpiryWorker(env, at(new Date(expiresAt.getTime() + 1_000)));
    try {
      const completed = once(worker, "completed");
      const scheduledAt = Date.now();
      await scheduler.scheduleOrderExpiry(receipt.orderId, expiresAt);
      const [job, result] = (await completed) as [{ data: { orderId: string } }, string];
      expect(Date.now() - scheduledAt).toBeGreaterThanOrEqual(250);
      expect([job.data.orderId, result]).toEqual([receipt.orderId, "expired"]);
      expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 0 });
    } finally {
      await worker.close();
      await scheduler.close();
    }
    expect(worker.isRunning()).toBe(false);
  });
});
