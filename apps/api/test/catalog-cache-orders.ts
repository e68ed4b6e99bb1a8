import { expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, creditWallet, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import type { RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

interface Card {
  slug: string;
  inStock: boolean;
  variants: Array<{ inStock: boolean; price: { minor: number } }>;
}
interface Detail extends Card {
  variants: Array<{ inStock: boolean; onlyLeft: number | null; price: { minor: number } }>;
}

/**
 * The catalog answer cache while shoppers buy (decisions 104, 105), on whichever database `app`
 * runs: an order that leaves stock above the low-stock threshold (5 by default) keeps every answer,
 * one that moves what the shop shows about stock — "only N left", sold out — shows on the very next
 * read, and an admin's edit too. The app must have been started with a catalog of its own only.
 * `settle` waits out the engine's catalog-version staleness bound (none on SQLite).
 */
export function cacheThroughOrders(context: { readonly app: RunningApp; settle: () => Promise<void> }): void {
  let shopper: Shopper;
  let admin: TestAccount;
  let slug: string;
  let variantId: string;

  const list = () => call(context.app.url, "catalog.list", { limit: 20 });
  const page = () => call(context.app.url, "catalog.bySlug", { slug });
  const cardOf = async () => {
    const answer = await list();
    return { cache: answer.headers.get("x-cache"), card: (answer.data as { items: Card[] }).items.find((item) => item.slug === slug)! };
  };
  const detailOf = async () => {
    const answer = await page();
    return { cache: answer.headers.get("x-cache"), detail: answer.data as Detail };
  };
  const buy = async (quantity: number) => {
    expect((await call(context.app.url, "cart.add", { variantId, quantity }, { token: shopper.token })).error).toBeUndefined();
    const placed = await call(context.app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: newKey() }, { token: shopper.token });
    expect(placed.error).toBeUndefined();
  };

  it("keeps its answers through an order that leaves stock above the low-stock threshold", async () => {
    const { app } = context;
    const product = await addProduct(app, { stock: 8, priceMinor: 10_000 });
    slug = product.slug;
    variantId = product.variantId;
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
    await creditWallet(app, shopper.user.id, 1_000_000);
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    await context.settle();
    await cardOf();
    await detailOf();
    await buy(1); // 8 → 7
    const card = await cardOf();
    const detail = await detailOf();
    expect([card.cache, detail.cache]).toEqual(["hit", "hit"]);
    expect(detail.detail.variants[0]!.onlyLeft).toBeNull();
  });

  it("shows an order that brings a variant to its last few on the next read", async () => {
    await buy(3); // 7 → 4: at or below the threshold of 5
    // Shown at once, whatever version the process has read yet: a kept answer's stock is checked on each hit.
    const { detail } = await detailOf();
    expect(detail.variants[0]!.onlyLeft).toBe(4);
    // Then kept. On MongoDB the order's version may reach this process up to one refresh later (decision
    // 105), so the answer just made may have been kept under the version before it: once settled, the
    // next answer is kept under the current one and served again.
    await context.settle();
    await detailOf();
    expect((await detailOf()).cache).toBe("hit");
    await buy(1); // 4 → 3
    expect((await detailOf()).detail.variants[0]!.onlyLeft).toBe(3);
  });

  it("shows an order that sells the last unit on the next read, on the card and the product page", async () => {
    expect((await cardOf()).card.inStock).toBe(true);
    await buy(3);
    const { card } = await cardOf();
    const { detail } = await detailOf();
    expect([card.inStock, card.variants[0]!.inStock]).toEqual([false, false]);
    expect([detail.inStock, detail.variants[0]!.inStock, detail.variants[0]!.onlyLeft]).toEqual([false, false, null]);
  });

  it("shows an admin's price change once the catalog version has moved", async () => {
    expect((await cardOf()).cache).toBe("hit");
    const updated = await call(context.app.url, "admin.catalog.updateVariant", { variantId, priceMinor: 12_500 }, { token: admin.token });
    expect(updated.error).toBeUndefined();
    await context.settle();
    expect((await cardOf()).card.variants[0]!.price.minor).toBe(12_500);
    expect((await detailOf()).detail.variants[0]!.price.minor).toBe(12_500);
  });
}
