import { entryProduct } from "@bbscart/core";
import { inr, makeCategory, makeProduct, makeVariant } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { itNeeds } from "../context.js";
import { at, expectDuplicate, seedProduct, stockedProduct } from "../fixtures.js";

export function catalogCases(context: ContractContext): void {
  it("categories: create, find by id and slug, list in sibling order, update, delete; slugs are unique", async () => {
    const { categories } = context.db.repos;
    const sarees = makeCategory({ id: "cat-2", slug: "sarees", name: "Sarees", position: 1, description: "Silk and cotton.", image: "categories/sarees.jpg" });
    const kurtas = makeCategory({ id: "cat-1", slug: "kurtas", name: "Kurtas", parentId: "cat-2" });
    await categories.create(sarees);
    await categories.create(kurtas);
    expect(await categories.findById("cat-1")).toEqual(kurtas);
    expect(await categories.findBySlug("sarees")).toEqual(sarees);
    expect((await categories.list()).map((c) => c.id)).toEqual(["cat-1", "cat-2"]);
    await expectDuplicate(categories.create(makeCategory({ id: "cat-3", slug: "kurtas", name: "Other" })), "categories.slug");
    expect(await categories.findById("cat-3")).toBeNull();
    expect(await categories.update("cat-1", { name: "Kurtis", parentId: null })).toEqual({ ...kurtas, name: "Kurtis", parentId: null });
    expect(await categories.update("cat-1", { position: 5, description: "Everyday.", image: "k.jpg", archivedAt: at(3) })).toEqual({
      ...kurtas,
      name: "Kurtis",
      parentId: null,
      position: 5,
      description: "Everyday.",
      image: "k.jpg",
      archivedAt: at(3),
    });
    expect((await categories.list()).map((c) => c.id)).toEqual(["cat-2", "cat-1"]);
    expect(await categories.update("cat-1", { image: null, archivedAt: null })).toMatchObject({ image: null, archivedAt: null });
    await expectDuplicate(categories.update("cat-1", { slug: "sarees" }), "categories.slug");
    expect(await categories.update("missing", { name: "x" })).toBeNull();
    expect(await categories.delete("cat-2")).toBe(true);
    expect(await categories.delete("cat-2")).toBe(false);
    expect(await categories.findById("cat-2")).toBeNull();
  });

  it("categories: every tree edit bumps the tree version in its unit of work; a rolled-back one gives it back", async () => {
    const { uow, repos } = context.db;
    expect(await repos.categories.treeVersion()).toBe(0);
    // Both halves of a would-be cycle write the guard, each in its own unit of work.
    await repos.categories.create(makeCategory({ id: "a", slug: "a" }));
    await repos.categories.create(makeCategory({ id: "b", slug: "b", position: 1 }));
    await uow.run(async (r) => {
      expect(await r.categories.touchTree()).toBe(1);
      await r.categories.update("a", { parentId: "b" });
    });
    await uow.run(async (r) => {
      expect(await r.categories.touchTree()).toBe(2);
      expect(await r.categories.treeVersion()).toBe(2);
    });
    await expect(
      uow.run(async (r) => {
        await r.categories.touchTree();
        await r.categories.update("b", { parentId: "a" });
        throw new Error("refused after the guard");
      }),
    ).rejects.toThrow("refused after the guard");
    expect(await repos.categories.treeVersion()).toBe(2);
    expect((await repos.categories.findById("b"))?.parentId).toBeNull();
  });

  it("products: the admin's status filter lists only active or only archived products", async () => {
    const { products } = context.db.repos;
    await products.create(makeProduct({ id: "on", slug: "on", variants: [makeVariant({ id: "v-on", sku: "ON", productId: "on" })] }));
    await products.create(makeProduct({ id: "off", slug: "off", active: false, variants: [makeVariant({ id: "v-off", sku: "OFF", productId: "off" })] }));
    const query = { cursor: null, limit: 10, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "newest", includeInactive: true } as const;
    const ids = async (archived: boolean | null) => (await products.search({ ...query, archived })).items.map((p) => p.id).sort();
    expect(await ids(null)).toEqual(["off", "on"]);
    expect(await ids(true)).toEqual(["off"]);
    expect(await ids(false)).toEqual(["on"]);
  });

  it("products: every read gives a product's variants in the order they were added, whatever their ids", async () => {
    const { products } = context.db.repos;
    // Ids sorting against the order of creation, across two products read together.
    await products.create(makeProduct({ variants: [makeVariant({ id: "var-z", sku: "Z-FIRST" }), makeVariant({ id: "var-q", sku: "Q-SECOND" })] }));
    await products.create(makeProduct({ id: "prod-2", slug: "second", variants: [makeVariant({ id: "var-y", productId: "prod-2", sku: "Y-ONLY" })] }));
    await products.addVariant(makeVariant({ id: "var-m", sku: "M-THIRD" }));
    await products.addVariant(makeVariant({ id: "var-a", sku: "A-FOURTH" }));
    const skus = (product: { variants: readonly { sku: string }[] } | null | undefined) => product?.variants.map((v) => v.sku);
    const created = ["Z-FIRST", "Q-SECOND", "M-THIRD", "A-FOURTH"];
    expect(skus(await products.findById("prod-1"))).toEqual(created);
    expect(skus(await products.findBySlug("cotton-kurta"))).toEqual(created);
    const query = { cursor: null, limit: 10, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "newest", includeInactive: true } as const;
    for (const listed of [(await products.search(query)).items, (await products.listing(query)).items]) {
      expect(Object.fromEntries(listed.map((product) => [product.id, skus(product)]))).toEqual({ "prod-1": created, "prod-2": ["Y-ONLY"] });
    }
  });

  it("products: stores a product with its variants and stock, found by id, slug and variant entries", async () => {
    const { products } = context.db.repos;
    const product = makeProduct({
      images: ["a.jpg", "b.jpg"],
      taxRateBp: 500,
      variants: [makeVariant(), makeVariant({ id: "var-2", sku: "KURTA-BLU-L", name: "Blue / L", price: inr(139900), stock: { onHand: 3, reserved: 1 }, active: false })],
    });
    await products.create(product);
    expect(await products.findById("prod-1")).toEqual(product);
    expect(await products.findBySlug("cotton-kurta")).toEqual(product);
    expect(await products.findById("missing")).toBeNull();
    const entries = await products.findEntries(["var-2", "nope"]);
    expect([...entries.keys()]).toEqual(["var-2"]);
    // An entry's product is the product without what no line shows (decision 182): not a field more.
    expect(entries.get("var-2")).toEqual({ product: entryProduct(product), variant: product.variants[1] });
  });

  it("products: alt texts round-trip with their images, and a reorder keeps each text with its picture", async () => {
    const { products } = context.db.repos;
    const product = makeProduct({ images: ["products/front.webp", "products/back.webp", "products/label.webp"] });
    await products.create({ ...product, imageAlts: ["Kurta from the front", "", "Care label, ✓ 100 % cotton"] });
    expect((await products.findBySlug("cotton-kurta"))?.imageAlts).toEqual(["Kurta from the front", "", "Care label, ✓ 100 % cotton"]);
    const reordered = await products.update("prod-1", {
      images: ["products/label.webp", "products/front.webp"],
      imageAlts: ["Care label, ✓ 100 % cotton", "Kurta from the front"],
      updatedAt: at(1),
    });
    expect(reordered && { images: reordered.images, imageAlts: reordered.imageAlts }).toEqual({
      images: ["products/label.webp", "products/front.webp"],
      imageAlts: ["Care label, ✓ 100 % cotton", "Kurta from the front"],
    });
    // An edit of other fields leaves both lists as they were.
    await products.update("prod-1", { name: "Linen Kurta", updatedAt: at(2) });
    const stored = await products.findById("prod-1");
    expect(stored && { images: stored.images, imageAlts: stored.imageAlts }).toEqual({ images: reordered?.images, imageAlts: reordered?.imageAlts });
    expect((await products.findEntries(["var-1"])).get("var-1")?.product.imageAlts).toEqual(reordered?.imageAlts);
  });

  it("products: duplicate slugs and SKUs are typed duplicates and leave nothing half-written", async () => {
    const { products } = context.db.repos;
    await products.create(makeProduct());
    await expectDuplicate(products.create(makeProduct({ id: "prod-2", variants: [makeVariant({ id: "var-9", productId: "prod-2", sku: "OTHER" })] })), "products.slug");
    await expectDuplicate(
      products.create(makeProduct({ id: "prod-2", slug: "second", variants: [makeVariant({ id: "var-2", productId: "prod-2", sku: "NEW" }), makeVariant({ id: "var-3", productId: "prod-2" })] })),
      "variants.sku",
    );
    expect(await products.findById("prod-2")).toBeNull();
    expect((await products.findEntries(["var-2"])).size).toBe(0);
    await expectDuplicate(products.addVariant(makeVariant({ id: "var-4" })), "variants.sku");
    await products.addVariant(makeVariant({ id: "var-5", sku: "KURTA-BLU-XL" }));
    await expectDuplicate(products.updateVariant("var-5", { sku: "KURTA-BLU-M" }), "variants.sku");
    expect((await products.findById("prod-1"))?.variants.map((v) => v.sku)).toEqual(["KURTA-BLU-M", "KURTA-BLU-XL"]);
  });

  it("products: update edits product fields only; updateVariant edits the variant but never its stock", async () => {
    const { products, inventory } = context.db.repos;
    await products.create(makeProduct());
    await inventory.reserveIfAvailable("var-1", 2);
    const updated = await products.update("prod-1", { name: "Linen Kurta", active: false, images: [], taxRateBp: null, updatedAt: at(1) });
    expect(updated).toEqual({
      ...makeProduct(),
      name: "Linen Kurta",
      active: false,
      images: [],
      taxRateBp: null,
      updatedAt: at(1),
      variants: [makeVariant({ stock: { onHand: 10, reserved: 2 } })],
    });
    expect(await products.update("missing", { name: "x", updatedAt: at(2) })).toBeNull();
    const variant = await products.updateVariant("var-1", { name: "Blue / Medium", price: inr(99900), active: false });
    expect(variant).toEqual(makeVariant({ name: "Blue / Medium", price: inr(99900), active: false, stock: { onHand: 10, reserved: 2 } }));
    expect(await products.updateVariant("missing", { name: "x" })).toBeNull();
    expect(await inventory.level("var-1")).toEqual({ onHand: 10, reserved: 2 });
  });

  it("products: low stock lists active variants at or below the threshold, lowest available first", async () => {
    const { products, inventory } = context.db.repos;
    await seedProduct(context.db, stockedProduct(1, { onHand: 4 }));
    await seedProduct(context.db, stockedProduct(2, { onHand: 9 }));
    await seedProduct(context.db, stockedProduct(3, { onHand: 3 }));
    await seedProduct(context.db, stockedProduct(4, { onHand: 1 }));
    await products.updateVariant("var-4", { active: false });
    await inventory.reserveIfAvailable("var-1", 3);
    const low = await products.lowStock(3, 10);
    expect(low.map((entry) => [entry.variant.id, entry.product.id])).toEqual([
      ["var-1", "prod-1"],
      ["var-3", "prod-3"],
    ]);
    expect((await products.lowStock(3, 1)).map((entry) => entry.variant.id)).toEqual(["var-1"]);
  });

  it("inventory: reads stock levels; unknown variants have none", async () => {
    await seedProduct(context.db, stockedProduct(1, { onHand: 7 }));
    expect(await context.db.repos.inventory.level("var-1")).toEqual({ onHand: 7, reserved: 0 });
    expect(await context.db.repos.inventory.level("missing")).toBeNull();
  });

  itNeeds(context, ["exprArithmetic"], "inventory: the stock rules hold one call at a time", async () => {
    const { inventory } = context.db.repos;
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    expect(await inventory.reserveIfAvailable("var-1", 3)).toBe(true);
    expect(await inventory.releaseIfReserved("var-1", 4)).toBe(false);
    expect(await inventory.releaseIfReserved("var-1", 1)).toBe(true);
    expect(await inventory.commitIfReserved("var-1", 3)).toBe(false);
    expect(await inventory.commitIfReserved("var-1", 2)).toBe(true);
    expect(await inventory.level("var-1")).toEqual({ onHand: 3, reserved: 0 });
    await inventory.restock("var-1", 4);
    expect(await inventory.reserveIfAvailable("var-1", 6)).toBe(true);
    expect(await inventory.adjustIfAboveReserved("var-1", -2)).toBe(false);
    expect(await inventory.adjustIfAboveReserved("var-1", -1)).toBe(true);
    expect(await inventory.level("var-1")).toEqual({ onHand: 6, reserved: 6 });
    expect(await inventory.reserveIfAvailable("missing", 1)).toBe(false);
  });
}
