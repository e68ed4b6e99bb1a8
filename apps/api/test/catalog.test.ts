import type { AuditEntry } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir, type AdminProduct } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

interface Card {
  name: string;
  slug: string;
  inStock: boolean;
  priceRange: { min: { minor: number }; max: { minor: number } } | null;
  variants: { sku: string; inStock: boolean }[];
}
interface CardPage {
  items: Card[];
  nextCursor: string | null;
}

describe("catalog over HTTP", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: TestAccount;
  let kitchen: { id: string };
  let lighting: { id: string };
  const products: Record<string, AdminProduct> = {};

  const list = async (input: object) => (await ok<CardPage>(app.url, "catalog.list", input, {})).items.map((card) => card.name);
  const adminCall = (procedure: string, input: unknown) => call(app.url, procedure, input, { token: admin.token });
  const auditOf = async (targetId: string): Promise<readonly AuditEntry[]> =>
    (await app.db.repos.audit.list({ actorId: null, action: null, targetType: null, targetId, from: null, to: null, cursor: null, limit: 50 })).items;

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage", "operations.view"] });
    shopper = await createAccount(app);
    kitchen = await ok(app.url, "admin.catalog.createCategory", { name: "Kitchen" }, { token: admin.token });
    lighting = await ok(app.url, "admin.catalog.createCategory", { name: "Lighting" }, { token: admin.token });
    const add = async (name: string, categoryId: string, variants: Parameters<typeof createProduct>[2]["variants"], active = true) => {
      products[name] = await createProduct(app.url, admin.token, { name, categoryId, active, description: `${name}, made by hand.`, variants });
    };
    await add("Brass Kettle", kitchen.id, [
      { sku: "KET-1", priceMinor: 1500, stockOnHand: 5 },
      { sku: "KET-2", priceMinor: 2500, stockOnHand: 0 },
    ]);
    await add("Copper Kettle", kitchen.id, [{ sku: "KET-3", priceMinor: 3000, stockOnHand: 0 }]);
    await add("Clay Lamp", lighting.id, [{ sku: "LAMP-1", priceMinor: 800, stockOnHand: 3 }]);
    await add("Steel Tumbler", kitchen.id, [{ sku: "TUM-1", priceMinor: 500, stockOnHand: 10 }]);
    await add("Glass Jar", kitchen.id, [
      { sku: "JAR-OFF", priceMinor: 100, stockOnHand: 9, active: false },
      { sku: "JAR-ON", priceMinor: 1200, stockOnHand: 4 },
    ]);
    await add("Hidden Kettle", kitchen.id, [{ sku: "KET-9", priceMinor: 1000, stockOnHand: 5 }], false);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("searches by words and prefixes, and never shows an inactive product to a shopper", async () => {
    expect((await list({ search: "kettle" })).sort()).toEqual(["Brass Kettle", "Copper Kettle"]);
    expect(await list({ search: "tumb" })).toEqual(["Steel Tumbler"]);
    const hidden = await call(app.url, "catalog.bySlug", { slug: products["Hidden Kettle"]!.slug }, { token: shopper.token });
    expect(hidden.error?.data.code).toBe("NOT_FOUND");
    const adminNames = (await ok<{ items: { slug: string }[] }>(app.url, "admin.catalog.list", { search: "kettle" }, { token: admin.token })).items;
    expect(adminNames.map((p) => p.slug).sort()).toEqual(["brass-kettle", "copper-kettle", "hidden-kettle"]);
  });

  it("filters by category, price range (cheapest active variant) and stock, and sorts", async () => {
    expect(await list({ categoryId: kitchen.id, inStock: true, sort: "price_asc" })).toEqual(["Steel Tumbler", "Glass Jar", "Brass Kettle"]);
    expect(await list({ minPrice: 1000, maxPrice: 2000, sort: "price_desc" })).toEqual(["Brass Kettle", "Glass Jar"]);
    expect(await list({ inStock: false })).toEqual(["Copper Kettle"]);
    expect(await list({ categoryId: lighting.id })).toEqual(["Clay Lamp"]);
  });

  it("lists cards with their price range, stock flag and only the variants on sale", async () => {
    const cards = (await ok<CardPage>(app.url, "catalog.list", { search: "brass jar" }, {})).items;
    expect(cards).toEqual([]);
    const [jar] = (await ok<CardPage>(app.url, "catalog.list", { search: "jar" }, {})).items;
    expect(jar).toMatchObject({ name: "Glass Jar", inStock: true, priceRange: { min: { minor: 1200 }, max: { minor: 1200 } }, variants: [{ sku: "JAR-ON", inStock: true }] });
    const kettle = await ok<Card & { description: string; category: { id: string } }>(app.url, "catalog.bySlug", { slug: "brass-kettle" }, {});
    expect(kettle).toMatchObject({
      description: "Brass Kettle, made by hand.",
      category: { id: kitchen.id },
      priceRange: { min: { minor: 1500 }, max: { minor: 2500 } },
      variants: [
        { sku: "KET-1", inStock: true },
        { sku: "KET-2", inStock: false },
      ],
    });
    const categories = await ok<{ name: string }[]>(app.url, "catalog.categories", undefined, {});
    expect(categories.map((c) => c.name).sort()).toEqual(["Kitchen", "Lighting"]);
  });

  it("pages with a cursor without gaps or repeats, and refuses a cursor from elsewhere", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: CardPage = await ok<CardPage>(app.url, "catalog.list", { sort: "name_asc", limit: 2, cursor }, {});
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((card) => card.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Brass Kettle", "Clay Lamp", "Copper Kettle", "Glass Jar", "Steel Tumbler"]);

    const first = await ok<CardPage>(app.url, "catalog.list", { sort: "name_asc", limit: 1 }, {});
    for (const input of [{ sort: "price_asc", cursor: first.nextCursor }, { cursor: "not-a-cursor" }]) {
      const refused = await call(app.url, "catalog.list", input, {});
      expect(refused.status).toBe(400);
      expect(refused.error?.data.fieldErrors).toEqual([{ path: "cursor", message: "Page marker is not valid for this list; start from the first page" }]);
    }
  });

  it("names the field in every refusal and writes nothing on one", async () => {
    const range = await call(app.url, "catalog.list", { minPrice: 500, maxPrice: 100 }, {});
    expect(range.error?.data.fieldErrors).toEqual([{ path: "minPrice", message: "Min price must not exceed max price" }]);

    const fractional = await adminCall("admin.catalog.createProduct", { name: "Odd Pot", categoryId: kitchen.id, variants: [{ sku: "POT-1", priceMinor: 10.5 }] });
    expect(fractional.error?.data.fieldErrors).toEqual([{ path: "variants.0.priceMinor", message: "Price must be in whole paise" }]);

    const noCategory = await adminCall("admin.catalog.createProduct", { name: "Lost Pot", categoryId: "nope", variants: [{ sku: "POT-2", priceMinor: 100 }] });
    expect(noCategory.status).toBe(400);
    expect(noCategory.error?.data.fieldErrors).toEqual([{ path: "categoryId", message: "Category does not exist" }]);

    const takenSku = await adminCall("admin.catalog.createProduct", { name: "Twin Pot", categoryId: kitchen.id, variants: [{ sku: "pot-3", priceMinor: 100 }, { sku: "tum-1", priceMinor: 100 }] });
    expect(takenSku.status).toBe(409);
    expect(takenSku.error?.data.fieldErrors).toEqual([{ path: "sku", message: "SKU is already used by another variant" }]);
    expect((await adminCall("admin.catalog.list", { search: "twin" })).data).toEqual({ items: [], nextCursor: null });

    const takenSlug = await adminCall("admin.catalog.createProduct", { name: "Clay Lamp", categoryId: lighting.id, variants: [{ sku: "LAMP-2", priceMinor: 100 }] });
    expect(takenSlug.error?.data.fieldErrors).toEqual([{ path: "slug", message: "Web address is already used by another product" }]);

    const renameSku = await adminCall("admin.catalog.updateVariant", { variantId: products["Clay Lamp"]!.variants[0]!.id, sku: "KET-1" });
    expect(renameSku.status).toBe(409);
    expect(renameSku.error?.data.fieldErrors[0]?.path).toBe("sku");

    const badImage = await adminCall("admin.catalog.updateProduct", { productId: products["Clay Lamp"]!.id, images: ["products/nothing-here.webp"] });
    expect(badImage.status).toBe(400);
    expect(badImage.error?.data.fieldErrors[0]?.path).toBe("images");

    const cycle = await adminCall("admin.catalog.createCategory", { name: "Tea", parentId: kitchen.id });
    const tea = cycle.data as { id: string };
    const loop = await adminCall("admin.catalog.updateCategory", { categoryId: kitchen.id, parentId: tea.id });
    expect(loop.error?.data.fieldErrors).toEqual([{ path: "parentId", message: "Parent category would put the category inside itself" }]);
    const renamed = await adminCall("admin.catalog.updateCategory", { categoryId: tea.id, name: "Tea & Coffee" });
    expect(renamed.data).toMatchObject({ name: "Tea & Coffee", parentId: kitchen.id });
  });

  it("archives rather than deletes, hides the archived product from shoppers, and audits each change", async () => {
    const lamp = products["Clay Lamp"]!;
    const archived = await adminCall("admin.catalog.archiveProduct", { productId: lamp.id });
    expect(archived.data).toMatchObject({ id: lamp.id, active: false });
    expect(await list({ categoryId: lighting.id })).toEqual([]);
    expect((await call(app.url, "catalog.bySlug", { slug: lamp.slug }, {})).error?.data.code).toBe("NOT_FOUND");

    await ok(app.url, "admin.catalog.updateProduct", { productId: lamp.id, active: true }, { token: admin.token });
    await ok(app.url, "admin.catalog.updateVariant", { variantId: lamp.variants[0]!.id, priceMinor: 900 }, { token: admin.token });
    expect(await list({ categoryId: lighting.id })).toEqual(["Clay Lamp"]);

    const productAudit = await auditOf(lamp.id);
    expect(productAudit.map((e) => e.action).sort()).toEqual(["product.archive", "product.create", "product.update"]);
    expect(productAudit.find((e) => e.action === "product.archive")).toMatchObject({ actorId: admin.user.id, before: { active: true }, after: { active: false } });
    expect((await auditOf(lamp.variants[0]!.id))[0]).toMatchObject({ action: "variant.update", before: { priceMinor: 800 }, after: { priceMinor: 900 } });
  });

  it("adds variants and switches them off; a switched-off variant leaves the shop", async () => {
    const tumbler = products["Steel Tumbler"]!;
    const large = await ok<{ id: string; sku: string }>(app.url, "admin.catalog.addVariant", { productId: tumbler.id, sku: "tum-2", name: "Large", priceMinor: 700, stockOnHand: 2 }, { token: admin.token });
    expect(large.sku).toBe("TUM-2");
    const sku = async () => (await ok<Card>(app.url, "catalog.bySlug", { slug: tumbler.slug }, {})).variants.map((v) => v.sku);
    expect(await sku()).toEqual(["TUM-1", "TUM-2"]);
    await ok(app.url, "admin.catalog.updateVariant", { variantId: large.id, active: false }, { token: admin.token });
    expect(await sku()).toEqual(["TUM-1"]);
  });

  it("adjusts stock with a reason, and concurrent adjustments never take on-hand below what is reserved", async () => {
    const kettle = products["Brass Kettle"]!.variants[0]!;
    const missingReason = await adminCall("admin.catalog.adjustStock", { variantId: kettle.id, delta: 5 });
    expect(missingReason.error?.data.fieldErrors[0]?.path).toBe("reason");

    // onHand 5 + 15 = 20, of which placed orders reserve 12: at most 8 units may be written off.
    await ok(app.url, "admin.catalog.adjustStock", { variantId: kettle.id, delta: 15, reason: "delivery counted in" }, { token: admin.token });
    for (let i = 0; i < 12; i += 1) expect(await app.db.repos.inventory.reserveIfAvailable(kettle.id, 1)).toBe(true);

    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => adminCall("admin.catalog.adjustStock", { variantId: kettle.id, delta: -1, reason: "breakage" })),
    );
    const applied = attempts.filter((r) => r.data);
    const refused = attempts.filter((r) => r.error);
    expect(applied).toHaveLength(8);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.error?.data).toMatchObject({ reason: "BELOW_RESERVED", fieldErrors: [{ path: "delta" }] });
    }
    expect(await app.db.repos.inventory.level(kettle.id)).toEqual({ onHand: 12, reserved: 12 });
    const adjustments = (await auditOf(kettle.id)).filter((e) => e.action === "stock.adjust");
    expect(adjustments).toHaveLength(9);
    expect(adjustments.filter((e) => e.reason === "breakage")).toHaveLength(8);
    expect(await list({ search: "brass", inStock: true })).toEqual([]);
  });
});
