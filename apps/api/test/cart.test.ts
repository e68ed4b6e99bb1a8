import { inr } from "@bbscart/core/testing";
import type { Repositories } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CartView } from "../src/services/cart/index.js";
import { addProduct, address, makeShoppers } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const cartCookieOf = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith("cart_id="));

describe("cart over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
  });
  afterAll(() => app.close());

  it("keeps a guest cart under a random HttpOnly cookie made on the first add", async () => {
    const product = await addProduct(app, { stock: 10, priceMinor: 30_000 });
    expect(((await call(app.url, "cart.get")).data as CartView).lines).toEqual([]);
    const added = await call(app.url, "cart.add", { variantId: product.variantId, quantity: 2 });
    const setCookie = cartCookieOf(added.headers)!;
    expect(setCookie).toMatch(/^cart_id=[0-9a-f]{32}; Max-Age=2592000; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(";")[0]!;
    const cart = (await call(app.url, "cart.get", undefined, { headers: { cookie } })).data as CartView;
    expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([[product.variantId, 2]]);
    // 2 × ₹300 clears the free-delivery threshold of the standard option.
    expect(cart.totals.total).toEqual(inr(60_000));
    expect(cart.problems).toEqual([]);
    // Another browser without the cookie sees its own, empty cart.
    expect(((await call(app.url, "cart.get")).data as CartView).lines).toEqual([]);
  });

  it("reads the store settings once for a cart change, whether it starts a cart or changes a stored one", async () => {
    const product = await addProduct(app, { stock: 10, priceMinor: 30_000 });
    const [shopper] = await makeShoppers(app, 1);
    let reads = 0;
    // Every unit of work the cart service runs sees repositories whose settings reads are counted.
    const counted = (repos: Repositories): Repositories => ({
      ...repos,
      settings: new Proxy(repos.settings, {
        get: (target, key, receiver) => {
          const value: unknown = Reflect.get(target, key, receiver);
          if (key !== "get" || typeof value !== "function") return value;
          return (...args: unknown[]) => {
            reads += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    });
    const run = app.db.uow.run.bind(app.db.uow);
    const spy = vi.spyOn(app.db.uow, "run").mockImplementation((work, options) => run((repos) => work(counted(repos)), options));
    try {
      for (const quantity of [1, 2]) {
        reads = 0;
        const added = await call(app.url, "cart.add", { variantId: product.variantId, quantity }, { token: shopper!.token });
        expect(added.status).toBe(200);
        // The first add starts the shopper's cart (the store currency and the review); the second changes it.
        expect(reads).toBe(1);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it("reports problems with their fixes, and fixing them clears them", async () => {
    const product = await addProduct(app, { stock: 5, priceMinor: 50_000 });
    const [shopper] = await makeShoppers(app, 1);
    const token = shopper!.token;
    await call(app.url, "cart.add", { variantId: product.variantId, quantity: 5 }, { token });
    // Others bought two meanwhile (the cart holds no stock), and the price went up.
    await app.db.uow.run(async (repos) => {
      await repos.inventory.reserveIfAvailable(product.variantId, 2);
      await repos.inventory.commitIfReserved(product.variantId, 2);
      await repos.products.updateVariant(product.variantId, { price: inr(55_000) });
    });
    const cart = (await call(app.url, "cart.get", undefined, { token })).data as CartView;
    expect(cart.problems.map((p) => [p.code, p.fix])).toEqual([
      ["OUT_OF_STOCK", { action: "updateQuantity", variantId: product.variantId, quantity: 3 }],
      ["PRICE_CHANGED", { action: "acceptPrice", variantId: product.variantId }],
    ]);
    await call(app.url, "cart.updateQuantity", { variantId: product.variantId, quantity: 3 }, { token });
    const fixed = (await call(app.url, "cart.acceptPrice", { variantId: product.variantId }, { token })).data as CartView;
    expect(fixed.problems).toEqual([]);
    expect(fixed.lines[0]?.unitPrice).toEqual(inr(55_000));

    const coupon = await call(app.url, "cart.applyCoupon", { code: "NOSUCHCODE" }, { token });
    expect(coupon.status).toBe(400);
    expect(coupon.error?.data).toMatchObject({ fieldErrors: [{ path: "code" }], reason: "not_found" });
    const missing = await call(app.url, "cart.updateQuantity", { variantId: "var-missing", quantity: 1 }, { token });
    expect(missing.status).toBe(404);
    expect(((await call(app.url, "cart.remove", { variantId: product.variantId }, { token })).data as CartView).lines).toEqual([]);
  });

  it("keeps the accepted price and PRICE_CHANGED when more units are added (tRPC and REST), up or down, and checkout refuses until accepted", async () => {
    const [shopper] = await makeShoppers(app, 1);
    const token = shopper!.token;
    for (const [newPrice, label] of [[15_000, "rise"], [7_000, "drop"]] as const) {
      const product = await addProduct(app, { stock: 50, priceMinor: 10_000 });
      await call(app.url, "cart.add", { variantId: product.variantId, quantity: 2 }, { token });
      await app.db.uow.run((repos) => repos.products.updateVariant(product.variantId, { price: inr(newPrice) }));
      const changed = (problems: CartView["problems"]) => problems.filter((p) => p.code === "PRICE_CHANGED" && p.variantId === product.variantId);

      const viaTrpc = (await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token })).data as CartView;
      const line = () => viaTrpc.lines.find((l) => l.variantId === product.variantId);
      expect(line()?.quantity, label).toBe(3);
      expect(line()?.unitPrice, label).toEqual(inr(10_000));
      expect(changed(viaTrpc.problems), label).toMatchObject([{ was: inr(10_000), now: inr(newPrice) }]);

      const viaRest = await rest(app.url, "POST", "/cart/items", { token, body: { variantId: product.variantId, quantity: 1 } });
      const restCart = viaRest.body as CartView;
      expect(restCart.lines.find((l) => l.variantId === product.variantId)).toMatchObject({ quantity: 4, unitPrice: inr(10_000) });
      expect(changed(restCart.problems), label).toHaveLength(1);
      const setQuantity = await rest(app.url, "PATCH", `/cart/items/${product.variantId}`, { token, body: { quantity: 5 } });
      expect(changed((setQuantity.body as CartView).problems), label).toHaveLength(1);

      const refused = await call(
        app.url,
        "order.place",
        { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: `price-${label}-${Date.now()}` },
        { token },
      );
      expect(refused.error?.data, label).toMatchObject({ code: "PRECONDITION_FAILED", reason: "PRICE_CHANGED" });
      const accepted = (await call(app.url, "cart.acceptPrice", { variantId: product.variantId }, { token })).data as CartView;
      expect(changed(accepted.problems), label).toEqual([]);
      expect(accepted.lines.find((l) => l.variantId === product.variantId)?.unitPrice, label).toEqual(inr(newPrice));
      await call(app.url, "cart.remove", { variantId: product.variantId }, { token });
    }
  });

  it("merges the guest cart into the shopper's at sign-in, capped at the stock, and drops the guest cookie", async () => {
    const product = await addProduct(app, { stock: 3 });
    const other = await addProduct(app, { stock: 5 });
    const [shopper] = await makeShoppers(app, 1);
    await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper!.token });
    const guest = await call(app.url, "cart.add", { variantId: product.variantId, quantity: 3 });
    const cookie = cartCookieOf(guest.headers)!.split(";")[0]!;
    await call(app.url, "cart.add", { variantId: other.variantId, quantity: 2 }, { headers: { cookie } });

    const merged = await call(app.url, "cart.get", undefined, { token: shopper!.token, headers: { cookie } });
    expect((merged.data as CartView).lines.map((l) => [l.variantId, l.quantity])).toEqual([
      [product.variantId, 3],
      [other.variantId, 2],
    ]);
    expect(cartCookieOf(merged.headers)).toMatch(/^cart_id=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(await app.db.repos.carts.findByGuest(cookie.slice("cart_id=".length))).toBeNull();
    // The old cookie, sent again, finds nothing left to merge.
    const again = await call(app.url, "cart.get", undefined, { token: shopper!.token, headers: { cookie } });
    expect((again.data as CartView).lines.map((l) => l.quantity)).toEqual([3, 2]);
  });

  it("never grows a line past the stock available, on tRPC and REST, saying how many are left; lowering is always allowed", async () => {
    const product = await addProduct(app, { stock: 3 });
    const [shopper] = await makeShoppers(app, 1);
    const token = shopper!.token;
    expect((await call(app.url, "cart.add", { variantId: product.variantId, quantity: 2 }, { token })).status).toBe(200);

    const tooMany = await call(app.url, "cart.add", { variantId: product.variantId, quantity: 2 }, { token });
    expect(tooMany.status).toBe(409);
    expect(tooMany.error?.data).toMatchObject({ reason: "NOT_ENOUGH_STOCK", fieldErrors: [{ path: "quantity", message: "Only 3 left (2 already in your cart)" }] });
    const viaRest = await rest(app.url, "POST", "/cart/items", { token, body: { variantId: product.variantId, quantity: 5 } });
    expect(viaRest.status).toBe(409);
    expect(viaRest.body).toMatchObject({ type: "urn:bbscart:problem:not-enough-stock", errors: [{ path: "quantity", message: "Only 3 left (2 already in your cart)" }] });
    const raised = await rest(app.url, "PATCH", `/cart/items/${product.variantId}`, { token, body: { quantity: 4 } });
    expect(raised.status).toBe(409);
    // Nothing was written by the refusals.
    const cart = (await call(app.url, "cart.get", undefined, { token })).data as CartView;
    expect(cart.lines.map((l) => l.quantity)).toEqual([2]);

    expect((await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token })).status).toBe(200);
    const full = await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token });
    expect(full.error?.data).toMatchObject({ fieldErrors: [{ message: "Only 3 left, and all of them are in your cart" }] });
    // Sold out under the shopper's feet: the line can still come down, but not go up.
    await app.db.uow.run((repos) => repos.inventory.reserveIfAvailable(product.variantId, 3));
    expect((await call(app.url, "cart.updateQuantity", { variantId: product.variantId, quantity: 1 }, { token })).status).toBe(200);
    const soldOut = await call(app.url, "cart.updateQuantity", { variantId: product.variantId, quantity: 2 }, { token });
    expect(soldOut.error?.data).toMatchObject({ reason: "NOT_ENOUGH_STOCK", fieldErrors: [{ message: "This item is sold out" }] });
  });

  it("tells the product page how many are left only when few are (the low-stock threshold)", async () => {
    const few = await addProduct(app, { stock: 4 });
    const many = await addProduct(app, { stock: 40 });
    const left = async (slug: string) => ((await call(app.url, "catalog.bySlug", { slug })).data as { variants: { onlyLeft: number | null }[] }).variants[0]!.onlyLeft;
    expect(await left(few.slug)).toBe(4);
    expect(await left(many.slug)).toBeNull();
  });
});
