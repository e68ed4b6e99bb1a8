import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Receipt } from "../src/services/checkout/index.js";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { OwnRedis } from "./own-redis.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const tempDir = useTempDirs();

describe("while Redis is down", () => {
  let redis: OwnRedis;
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: Shopper;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    app = await startApp({ dataDir: tempDir(), redisUrl: redis.url, variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000" } });
    // Signing in counts attempts in Redis: the accounts are made while it is up.
    admin = await createAccount(app, { role: "admin", permissions: ["operations.view"] });
    shopper = (await makeShoppers(app, 1))[0]!;
    await redis.stop();
  });
  afterAll(async () => {
    // Closing drains the queues, which needs Redis back.
    await redis.resume();
    await app.close();
    await redis.stop();
  });

  it("places a card order and answers with its payment, though its expiry cannot be queued", async () => {
    const product = await addProduct(app, { stock: 3 });
    expect((await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper.token })).status).toBe(200);
    const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "card", idempotencyKey: newKey() }, { token: shopper.token });
    expect(placed.status).toBe(200);
    expect((placed.data as Receipt).clientSecret).toMatch(/_secret$/);
  });

  it("confirms a cash-on-delivery order without waiting for the workers' ring, leaving its notifications to the relay", async () => {
    const product = await addProduct(app, { stock: 3 });
    expect((await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper.token })).status).toBe(200);
    const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey() }, { token: shopper.token });
    expect(placed.status).toBe(200);
    const { orderId, status } = placed.data as Receipt;
    expect(status).toBe("confirmed");
    // Committed with the order and never queued (the ring failed): the relay's to send once Redis is back.
    const { items } = await app.db.repos.outbox.list({ status: null, limit: 100, cursor: null });
    const messages = items.filter((message) => message.notification.data.orderId === orderId);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map((message) => message.status)).toEqual(messages.map(() => "pending"));
  });

  it("answers the admin's queue health with 503, naming Redis and when to try again, never a 500", async () => {
    const health = await call(app.url, "admin.operations.health", undefined, { token: admin.token });
    expect(health.status).toBe(503);
    expect(health.error?.message).toMatch(/Redis/);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    const rest = await fetch(`${app.url}/api/v1/admin/operations/queues`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect([404, 503]).toContain(rest.status);
  });
});
