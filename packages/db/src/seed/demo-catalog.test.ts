import { DEFAULT_GST_SLABS_BP, isInStock } from "@bbscart/core";
import { describe, expect, it } from "vitest";
import { buildDemoCatalog, buildDemoCoupons } from "./demo-catalog.js";

const now = new Date("2026-11-25T00:00:00Z");

describe("the demo catalog", () => {
  const { categories, products } = buildDemoCatalog(now);
  const variants = products.flatMap(({ product }) => product.variants);

  it("is big enough to look like a shop: at least 8 categories and 200 products with variants", () => {
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(products.length).toBeGreaterThanOrEqual(200);
    expect(products.every(({ product }) => product.variants.length >= 2)).toBe(true);
    for (const category of categories) {
      expect(products.some(({ product }) => product.categoryId === category.id)).toBe(true);
    }
  });

  it("has unique ids, slugs and SKUs, so unique indexes accept it", () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(products.map(({ product }) => product.id))).toBe(true);
    expect(unique(products.map(({ product }) => product.slug))).toBe(true);
    expect(unique(variants.map((v) => v.id))).toBe(true);
    expect(unique(variants.map((v) => v.sku))).toBe(true);
    expect(unique(categories.map((c) => c.slug))).toBe(true);
  });

  it("prices every variant in whole rupees as integer paise, and includes sold-out and low-stock products", () => {
    expect(variants.every((v) => Number.isSafeInteger(v.price.minor) && v.price.minor > 0 && v.price.minor % 100 === 0)).toBe(true);
    expect(products.some(({ product }) => !isInStock(product))).toBe(true);
    expect(variants.some((v) => v.stock.onHand > 0 && v.stock.onHand < 5)).toBe(true);
  });

  it("gives every product an HSN code and a GST rate from the slabs: rice is 1006 at 5 %", () => {
    expect(products.every(({ product }) => /^[0-9]{4}$/.test(product.hsnCode ?? "") && DEFAULT_GST_SLABS_BP.includes(product.taxRateBp ?? -1))).toBe(true);
    expect(products.find(({ product }) => product.name === "Everyday Basmati Rice")?.product).toMatchObject({ hsnCode: "1006", taxRateBp: 500 });
  });

  it("is the same on every run", () => {
    expect(buildDemoCatalog(now)).toEqual({ categories, products });
  });

  it("offers coupons of each kind, one of them expired", () => {
    const coupons = buildDemoCoupons(now);
    expect(new Set(coupons.map((c) => c.kind))).toEqual(new Set(["percentage", "fixed"]));
    expect(coupons.some((c) => c.expiresAt !== null && c.expiresAt < now)).toBe(true);
  });
});
