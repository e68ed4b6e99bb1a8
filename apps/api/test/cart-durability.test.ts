import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addProduct, address, creditWallet, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import { suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

/**
 * With durable commits (`SQLITE_SYNCHRONOUS=FULL`, the default outside tests) a cart change is answered
 * once committed, without a flush of the log of its own, and an order only once the log holding it —
 * and every cart change before it — is on disk (decision 170).
 */
describe("what a shop's answers wait for on disk", () => {
  const data = suiteDir();
  let app: RunningApp;
  let shopper: Shopper;
  let variantId: string;
  const flushes: string[] = [];

  beforeAll(async () => {
    const fdatasync = fs.fdatasync;
    vi.spyOn(fs, "fdatasync").mockImplementation((fd, done) => {
      flushes.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      fdatasync(fd, done);
    });
    app = await startApp({ dataDir: data.dir, variables: { SQLITE_SYNCHRONOUS: "FULL" } });
    shopper = (await makeShoppers(app, 1))[0]!;
    variantId = (await addProduct(app, { stock: 10, priceMinor: 50_000 })).variantId;
    await creditWallet(app, shopper.user.id, 1_000_000);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await app.close();
    data.remove();
  });

  const mutate = async (path: string, input: unknown) => {
    const answer = await fetch(`${app.url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${shopper.token}` },
      body: JSON.stringify({ json: input }),
    });
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it.runIf(fs.existsSync("/proc/self/fd"))("answers cart changes without flushing the log, and an order only after a flush that covers them", async () => {
    // The set-up's own writes were durable: their flushes are done before this starts.
    expect(flushes.length).toBeGreaterThan(0);
    expect(flushes.every((file) => file.endsWith("bbscart.db-wal"))).toBe(true);
    const before = flushes.length;
    await mutate("cart.add", { variantId, quantity: 2 });
    await mutate("cart.updateQuantity", { variantId, quantity: 1 });
    expect(flushes).toHaveLength(before);

    const placed = await mutate("order.place", { address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: newKey() });
    expect(placed).toContain('"status":"confirmed"');
    // Answered after the flush that began after the order's COMMIT, the cart's commits being earlier in the same log.
    expect(flushes.length).toBeGreaterThan(before);
  });
});
