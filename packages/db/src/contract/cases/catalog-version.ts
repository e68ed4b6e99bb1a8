import { inr, makeCategory, makeSettings, makeVariant } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { stockedProduct } from "../fixtures.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The catalog version (decisions 104, 105): every catalog write moves it, an order's stock move above
 * the low-stock threshold does not. On MongoDB `current()` answers from memory and reads again in the
 * background (the lane shrinks the interval to 0), so these cases wait for it to settle.
 */
export function catalogVersionCases(context: ContractContext): void {
  const version = () => {
    const catalog = context.db.catalogVersion;
    if (!catalog) throw new Error("this adapter offers no catalog version");
    return catalog.current();
  };
  /** The version once it moves past `before` (within 2 s), or `before` if it never does. */
  const movedFrom = async (before: number) => {
    for (const deadline = Date.now() + 2_000; Date.now() < deadline; await sleep(10)) {
      if (version() !== before) return version();
    }
    return before;
  };
  /** The version after 150 ms of background reads: long enough for a move to show on either engine. */
  const settled = async () => {
    for (let i = 0; i < 15; i++) {
      version();
      await sleep(10);
    }
    return version();
  };

  it("catalog version: each product, variant, category and settings write moves it", async () => {
    const { repos } = context.db;
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["category created", () => repos.categories.create(makeCategory({ id: "cat-1" }))],
      ["category renamed", () => repos.categories.update("cat-1", { name: "Kurtas" })],
      ["product created", () => repos.products.create(stockedProduct(1, { onHand: 50 }))],
      ["product renamed", () => repos.products.update("prod-1", { name: "Renamed", updatedAt: new Date() })],
      ["variant added", () => repos.products.addVariant(makeVariant({ id: "var-1b", productId: "prod-1", sku: "SKU-1B" }))],
      ["variant price changed", () => repos.products.updateVariant("var-1", { price: inr(1500) })],
      ["settings saved", () => repos.settings.save(makeSettings({ lowStockThreshold: 3 }))],
      ["category deleted", () => repos.categories.delete("cat-1")],
    ];
    for (const [what, write] of writes) {
      const before = await settled();
      await write();
      expect(await movedFrom(before), what).toBeGreaterThan(before);
    }
  });

  it("catalog version: an order's stock moves above the low-stock threshold leave it alone", async () => {
    const { uow, repos } = context.db;
    await repos.products.create(stockedProduct(1, { onHand: 50 }));
    const before = await settled();
    expect(await uow.run((tx) => tx.inventory.reserveIfAvailable("var-1", 1))).toBe(true);
    expect(await uow.run((tx) => tx.inventory.commitIfReserved("var-1", 1))).toBe(true);
    expect(await settled()).toBe(before);
    expect(await repos.inventory.level("var-1")).toEqual({ onHand: 49, reserved: 0 });
  });

  it("catalog version: selling the last unit shows at once, through the version (SQLite) or the stock read (MongoDB)", async () => {
    const { uow, repos } = context.db;
    await repos.products.create(stockedProduct(1, { onHand: 1 }));
    const before = await settled();
    expect(await uow.run((tx) => tx.inventory.reserveIfAvailable("var-1", 1))).toBe(true);
    const stockOf = context.db.catalogVersion?.stockOf;
    if (stockOf) {
      expect(await stockOf(["var-1", "missing"])).toEqual(new Map([["var-1", { onHand: 1, reserved: 1 }]]));
    } else {
      expect(version()).toBeGreaterThan(before);
    }
  });
}
