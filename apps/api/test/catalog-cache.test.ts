import path from "node:path";
import { openDatabase } from "@bbscart/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { cacheThroughOrders } from "./catalog-cache-orders.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

interface Page {
  items: Array<{ name: string; inStock: boolean }>;
}

describe("the catalog answer cache", () => {
  const data = suiteDir();
  const small = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let categoryId: string;
  let productId: string;

  const listing = () => call(app.url, "catalog.list", { limit: 20 });
  const names = async () => ((await listing()).data as Page).items.map((item) => item.name);

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    categoryId = (await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Lamps" }, { token: admin.token })).id;
    productId = (await createProduct(app.url, admin.token, { name: "Brass lamp", categoryId, variants: [{ sku: "LAMP-1", priceMinor: 99_900, stockOnHand: 1 }] })).id;
  });
  afterAll(async () => {
    await app.close();
    data.remove();
    small.remove();
  });

  it("answers a repeated catalog read from memory, with the same bytes", async () => {
    const first = await fetch(`${app.url}/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 20 } }))}`);
    // The answer is kept once it has been sent in full (compression finishes it asynchronously).
    const firstBody = await first.text();
    const again = await fetch(first.url);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(await again.text()).toBe(firstBody);
  });

  it("never serves an answer from before a change made through the API", async () => {
    expect(await names()).toEqual(["Brass lamp"]);
    await ok(app.url, "admin.catalog.updateProduct", { productId, name: "Copper lamp" }, { token: admin.token });
    const after = await listing();
    expect(after.headers.get("x-cache")).toBe("miss");
    expect((after.data as Page).items.map((item) => item.name)).toEqual(["Copper lamp"]);
  });

  it("never serves an answer from before a commit by another process sharing the database", async () => {
    await names();
    expect((await listing()).headers.get("x-cache")).toBe("hit");
    // A second handle on the same file: its own connections, as another API process has.
    const other = await openDatabase({ dataDir: data.dir });
    await other.repos.products.update(productId, { name: "Lamp renamed elsewhere", updatedAt: new Date() });
    await other.close();
    expect(await names()).toEqual(["Lamp renamed elsewhere"]);
  });

  it("sees a variant selling out at once", async () => {
    const card = async () => ((await listing()).data as Page).items[0]!.inStock;
    expect(await card()).toBe(true);
    const id = (await app.db.repos.products.findById(productId))!.variants[0]!.id;
    expect((await listing()).headers.get("x-cache")).toBe("hit");
    await ok(app.url, "admin.catalog.adjustStock", { variantId: id, delta: -1, reason: "sold at the counter" }, { token: admin.token });
    expect(await card()).toBe(false);
  });

  it("keeps only catalog reads: a cart or account answer is never cached, nor a batch that mixes them", async () => {
    const shopper = await createAccount(app);
    const cart = await call(app.url, "cart.get", undefined, { token: shopper.token });
    expect(cart.status).toBe(200);
    expect(cart.headers.get("x-cache")).toBeNull();
    const batch = await fetch(`${app.url}/trpc/catalog.categories,cart.get?batch=1&input=${encodeURIComponent("{}")}`, { headers: { authorization: `Bearer ${shopper.token}` } });
    expect(batch.status).toBe(200);
    expect(batch.headers.get("x-cache")).toBeNull();
  });

  it("is off with CATALOG_CACHE_ENTRIES=0, and never keeps more than its entries", async () => {
    const off = await startApp({ dataDir: path.join(small.dir, "off"), variables: { CATALOG_CACHE_ENTRIES: "0" } });
    try {
      await call(off.url, "catalog.categories");
      expect((await call(off.url, "catalog.categories")).headers.get("x-cache")).toBeNull();
    } finally {
      await off.close();
    }
    const two = await startApp({ dataDir: path.join(small.dir, "two"), variables: { CATALOG_CACHE_ENTRIES: "2" } });
    try {
      const read = async (limit: number) => (await call(two.url, "catalog.list", { limit })).headers.get("x-cache");
      // Reading 1 again makes 2 the least recently used: 3 pushes 2 out, not 1.
      expect([await read(1), await read(2), await read(1), await read(3), await read(1), await read(2)]).toEqual(["miss", "miss", "hit", "miss", "hit", "miss"]);
    } finally {
      await two.close();
    }
  });
});

describe("the catalog answer cache while shoppers buy (SQLite)", () => {
  const data = suiteDir();
  const context = { app: undefined as unknown as RunningApp, settle: () => Promise.resolve() };
  beforeAll(async () => {
    context.app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
  });
  afterAll(async () => {
    await context.app.close();
    data.remove();
  });
  cacheThroughOrders(context);
});
