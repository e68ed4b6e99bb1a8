import { once } from "node:events";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { openDatabase } from "@bbscart/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { cacheThroughOrders } from "./catalog-cache-orders.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { catalogResponseCache } from "../src/http/catalog-cache.js";
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

  const shop = "https://shop.example";
  const listing = () => call(app.url, "catalog.list", { limit: 20 });
  const names = async () => ((await listing()).data as Page).items.map((item) => item.name);

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", WEB_ORIGIN: shop } });
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

  it("answers a hit with the headers the app sent on the miss: security headers, and CORS for that Origin only", async () => {
    const read = async (origin: string) => {
      const answer = await fetch(`${app.url}/trpc/catalog.categories`, { headers: { origin } });
      await answer.arrayBuffer();
      return answer;
    };
    // What differs between two answers of the same bytes: the request's own id, the date, how the length was sent, hit or miss.
    const own = new Set(["x-request-id", "date", "content-length", "transfer-encoding", "x-cache"]);
    const replayed = (answer: Response) => Object.fromEntries([...answer.headers].filter(([name]) => !own.has(name)));
    const miss = await read(shop);
    const hit = await read(shop);
    expect([miss.headers.get("x-cache"), hit.headers.get("x-cache")]).toEqual(["miss", "hit"]);
    expect(replayed(hit)).toEqual(replayed(miss));
    expect(hit.headers.get("access-control-allow-origin")).toBe(shop);
    expect(hit.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(hit.headers.get("x-request-id")).not.toBe(miss.headers.get("x-request-id"));
    // Another origin is granted nothing, and is a key of its own: it never gets the shop's grant replayed, nor the shop its refusal.
    const stranger = [await read("https://elsewhere.example"), await read("https://elsewhere.example")];
    expect(stranger.map((answer) => answer.headers.get("x-cache"))).toEqual(["miss", "hit"]);
    expect(stranger.map((answer) => answer.headers.get("access-control-allow-origin"))).toEqual([null, null]);
    expect((await read(shop)).headers.get("access-control-allow-origin")).toBe(shop);
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

  it("never answers a read sent after another process's commit from before it, with many reads in flight across it", async () => {
    // Decision 158 reads the catalog version once per event-loop turn; a commit by another process
    // tells this one nothing, so only that read can see it. Thirty shoppers read without pause while
    // another process renames the product ten times: every read sent after a rename had committed must
    // show it (or a later one), whichever turn it lands in.
    const other = await openDatabase({ dataDir: data.dir });
    let renamed = 0;
    let stop = false;
    const stale: string[] = [];
    let reads = 0;
    const shopper = async () => {
      while (!stop) {
        const sentAfter = renamed;
        const [name] = await names();
        reads++;
        const seen = Number(/^Lamp (\d+)$/.exec(name ?? "")?.[1] ?? 0);
        if (seen < sentAfter) stale.push(`read sent after rename ${sentAfter} saw ${name}`);
      }
    };
    const shoppers = Array.from({ length: 30 }, shopper);
    for (let round = 1; round <= 10; round++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await other.repos.products.update(productId, { name: `Lamp ${round}`, updatedAt: new Date() });
      renamed = round;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await Promise.all(shoppers);
    await other.close();
    expect(stale).toEqual([]);
    expect(reads).toBeGreaterThan(100);
    expect(await names()).toEqual(["Lamp 10"]);
    expect((await listing()).headers.get("x-cache")).toBe("hit");
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

describe("the catalog answer cache in front of an app", () => {
  let server: http.Server;
  let base: string;
  let version = 1;
  beforeAll(async () => {
    const cache = catalogResponseCache({ catalog: { current: () => version }, lowStockThreshold: () => Promise.resolve(5) }, 10);
    const app = express();
    let requests = 0;
    app.use((_req, res, next) => {
      res.setHeader("X-Request-Id", `request-${++requests}`);
      next();
    });
    app.use(cache.hits);
    app.use((_req, res, next) => {
      res.setHeader("X-Frame-Options", "SAMEORIGIN");
      next();
    });
    app.use("/trpc", cache.keep);
    app.get("/trpc/catalog.categories", (req, res) => {
      if (req.query.cookie) res.setHeader("Set-Cookie", "seen=1");
      res.json({ requests });
    });
    server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/catalog.categories`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const read = async (url: string) => {
    const answer = await fetch(url);
    return { cache: answer.headers.get("x-cache"), id: answer.headers.get("x-request-id"), frame: answer.headers.get("x-frame-options"), body: await answer.text() };
  };

  it("replays what the layers below it set, never the request's own headers set before it", async () => {
    const miss = await read(base);
    const hit = await read(base);
    expect([miss.cache, hit.cache]).toEqual(["miss", "hit"]);
    expect(hit.body).toBe(miss.body);
    expect(hit.frame).toBe("SAMEORIGIN");
    expect(hit.id).not.toBe(miss.id);
  });

  it("never keeps an answer that sets a cookie", async () => {
    const url = `${base}?cookie=1`;
    expect([(await read(url)).cache, (await read(url)).cache]).toEqual(["miss", "miss"]);
  });

  it("reads the catalog version afresh for every request that arrives after a change", async () => {
    const url = `${base}?v`;
    const first = await read(url);
    expect((await read(url)).body).toBe(first.body);
    version += 1;
    const after = await read(url);
    expect(after.cache).toBe("miss");
    expect(after.body).not.toBe(first.body);
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
