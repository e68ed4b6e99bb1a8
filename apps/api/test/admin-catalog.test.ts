import type { AuditEntry } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir, type AdminProduct } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

interface AdminCategory {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  description: string;
  image: string | null;
  archivedAt: Date | null;
}
interface PriceChange {
  productId: string;
  variantId: string;
  sku: string;
  before: { minor: number; currency: string };
  after: { minor: number; currency: string };
}

describe("admin catalog: the category tree, product archive and bulk actions", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  const adminCall = (procedure: string, input?: unknown) => call(app.url, procedure, input, { token: admin.token });
  const adminOk = <T>(procedure: string, input?: unknown) => ok<T>(app.url, procedure, input, { token: admin.token });
  const create = (name: string, parentId: string | null = null) => adminOk<AdminCategory>("admin.catalog.createCategory", { name, parentId });
  const tree = async () => new Map((await adminOk<AdminCategory[]>("admin.catalog.categories")).map((c) => [c.name, c]));
  const shopNames = async () => (await ok<{ name: string }[]>(app.url, "catalog.categories", undefined, {})).map((c) => c.name);
  const auditOf = async (targetId: string): Promise<readonly AuditEntry[]> =>
    (await app.db.repos.audit.list({ actorId: null, action: null, targetType: null, targetId, from: null, to: null, cursor: null, limit: 50 })).items;

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("builds a tree: children go last, reorder renumbers siblings, a move re-parents; each edit is audited", async () => {
    const home = await create("Home");
    const kitchen = await create("Kitchen", home.id);
    const bath = await create("Bath", home.id);
    const garden = await create("Garden");
    expect([kitchen.position, bath.position]).toEqual([0, 1]);

    const reordered = await adminOk<AdminCategory>("admin.catalog.moveCategory", { categoryId: bath.id, parentId: home.id, position: 0 });
    expect(reordered).toMatchObject({ parentId: home.id, position: 0 });
    expect((await tree()).get("Kitchen")?.position).toBe(1);

    const moved = await adminOk<AdminCategory>("admin.catalog.moveCategory", { categoryId: garden.id, parentId: home.id });
    expect(moved).toMatchObject({ parentId: home.id, position: 2 });
    const described = await adminOk<AdminCategory>("admin.catalog.updateCategory", { categoryId: garden.id, name: "Garden & Patio", description: "Pots and planters." });
    expect(described).toMatchObject({ name: "Garden & Patio", description: "Pots and planters.", parentId: home.id, position: 2 });
    expect((await ok<{ name: string; description: string }[]>(app.url, "catalog.categories", undefined, {})).find((c) => c.name === "Garden & Patio")?.description).toBe(
      "Pots and planters.",
    );
    expect((await auditOf(garden.id)).map((entry) => entry.action).sort()).toEqual(["category.create", "category.move", "category.update"]);
  });

  it("refuses a move under the category itself or its descendant, naming parentId, and writes nothing", async () => {
    const a = await create("Aisle A");
    const b = await create("Shelf B", a.id);
    const c = await create("Bin C", b.id);
    const versionBefore = await app.db.repos.categories.treeVersion();
    for (const parentId of [a.id, c.id]) {
      const refused = await adminCall("admin.catalog.moveCategory", { categoryId: a.id, parentId });
      expect(refused.status).toBe(400);
      expect(refused.error?.data.fieldErrors).toEqual([{ path: "parentId", message: "Parent category would put the category inside itself" }]);
    }
    const unknown = await adminCall("admin.catalog.moveCategory", { categoryId: a.id, parentId: "no-such-category" });
    expect(unknown.error?.data.fieldErrors).toEqual([{ path: "parentId", message: "Parent category does not exist" }]);
    expect((await tree()).get("Aisle A")?.parentId).toBeNull();
    // The refused moves wrote the guard and were rolled back with it.
    expect(await app.db.repos.categories.treeVersion()).toBe(versionBefore);

    // Both halves of a would-be cycle write the tree version: the one that comes second sees the first.
    const x = await create("Rack X");
    const y = await create("Rack Y");
    const v0 = await app.db.repos.categories.treeVersion();
    await adminOk("admin.catalog.moveCategory", { categoryId: x.id, parentId: y.id });
    expect(await app.db.repos.categories.treeVersion()).toBe(v0 + 1);
    const second = await adminCall("admin.catalog.moveCategory", { categoryId: y.id, parentId: x.id });
    expect(second.error?.data.fieldErrors[0]?.path).toBe("parentId");
  });

  it("refuses bad input with 4xx naming the field, over tRPC and REST", async () => {
    const badPosition = await adminCall("admin.catalog.moveCategory", { categoryId: "x", parentId: null, position: -1 });
    expect(badPosition.status).toBe(400);
    expect(badPosition.error?.data.fieldErrors).toEqual([{ path: "position", message: "Position must be at least 0" }]);
    const noImage = await adminCall("admin.catalog.createCategory", { name: "Pictured", image: "categories/missing.webp" });
    expect(noImage.error?.data.fieldErrors[0]?.path).toBe("image");
    expect((await tree()).has("Pictured")).toBe(false);
    const missing = await adminCall("admin.catalog.archiveCategory", { categoryId: "no-such-category" });
    expect(missing.status).toBe(404);

    const top = await create("Rest top");
    const child = await create("Rest child", top.id);
    const response = await fetch(`${app.url}/api/v1/admin/categories/${top.id}/move`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
      body: JSON.stringify({ parentId: child.id }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([{ path: "parentId", message: "Parent category would put the category inside itself" }]);
    const listed = await fetch(`${app.url}/api/v1/admin/categories`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(((await listed.json()) as AdminCategory[]).some((c) => c.id === child.id && c.parentId === top.id)).toBe(true);
  });

  it("archives a category only once it holds no live subcategory or product on sale; archived ones leave the shop", async () => {
    const toys = await create("Toys");
    const puzzles = await create("Puzzles", toys.id);
    const product = await createProduct(app.url, admin.token, { name: "Jigsaw", categoryId: puzzles.id, variants: [{ sku: "JIG-1", priceMinor: 4900, stockOnHand: 2 }] });

    const withChild = await adminCall("admin.catalog.archiveCategory", { categoryId: toys.id });
    expect(withChild.status).toBe(409);
    expect(withChild.error?.data.fieldErrors).toEqual([{ path: "categoryId", message: "This category still holds 1 subcategory; move or archive them first" }]);
    const withProduct = await adminCall("admin.catalog.archiveCategory", { categoryId: puzzles.id });
    expect(withProduct.error?.data.fieldErrors).toEqual([{ path: "categoryId", message: "This category still holds products on sale; move or archive them first" }]);

    await adminOk("admin.catalog.archiveProduct", { productId: product.id });
    expect((await adminOk<AdminCategory>("admin.catalog.archiveCategory", { categoryId: puzzles.id })).archivedAt).toBeInstanceOf(Date);
    await adminOk("admin.catalog.archiveCategory", { categoryId: toys.id });
    expect(await shopNames()).not.toContain("Toys");
    expect(await shopNames()).not.toContain("Puzzles");

    // Nothing goes into an archived category, and nothing comes back on sale in one.
    const restoreProduct = await adminCall("admin.catalog.restoreProduct", { productId: product.id });
    expect(restoreProduct.error?.data.fieldErrors).toEqual([{ path: "categoryId", message: "Category is archived; restore it first" }]);
    // An archived product may still be edited where it is, and not moved into an archived category.
    await adminOk("admin.catalog.updateProduct", { productId: product.id, categoryId: puzzles.id, description: "1000 pieces." });
    const other = await create("Games");
    const into = await adminCall("admin.catalog.updateProduct", { productId: (await createProduct(app.url, admin.token, { name: "Ludo", categoryId: other.id, variants: [{ sku: "LUDO-1", priceMinor: 900 }] })).id, categoryId: puzzles.id });
    expect(into.error?.data.fieldErrors).toEqual([{ path: "categoryId", message: "Category is archived; restore it first" }]);
    const under = await adminCall("admin.catalog.createCategory", { name: "Dolls", parentId: toys.id });
    expect(under.error?.data.fieldErrors).toEqual([{ path: "parentId", message: "Parent category is archived; restore it first" }]);
    const childFirst = await adminCall("admin.catalog.restoreCategory", { categoryId: puzzles.id });
    expect(childFirst.error?.data.fieldErrors[0]?.path).toBe("parentId");

    await adminOk("admin.catalog.restoreCategory", { categoryId: toys.id });
    await adminOk("admin.catalog.restoreCategory", { categoryId: puzzles.id });
    expect((await adminOk<AdminProduct>("admin.catalog.restoreProduct", { productId: product.id })).active).toBe(true);
    expect(await shopNames()).toEqual(expect.arrayContaining(["Toys", "Puzzles"]));
    expect((await auditOf(product.id)).map((entry) => entry.action)).toEqual(expect.arrayContaining(["product.archive", "product.restore"]));
  });

  describe("products", () => {
    let shelf: AdminCategory;
    let other: AdminCategory;
    const made: AdminProduct[] = [];

    beforeAll(async () => {
      shelf = await create("Bulk shelf");
      other = await create("Bulk other");
      for (const [name, prices] of [
        ["Bulk Bowl", [999, 49_900]],
        ["Bulk Plate", [10]],
        ["Bulk Cup", [1]],
      ] as const) {
        made.push(
          await createProduct(app.url, admin.token, {
            name,
            categoryId: shelf.id,
            variants: prices.map((priceMinor, i) => ({ sku: `${name.replace(" ", "-")}-${i}`, priceMinor, stockOnHand: name === "Bulk Cup" ? 0 : 5 })),
          }),
        );
      }
    });

    it("filters the admin list by category, status and stock", async () => {
      await adminOk("admin.catalog.archiveProduct", { productId: made[1]!.id });
      const names = async (input: object) => (await adminOk<{ items: { name: string }[] }>("admin.catalog.list", { categoryId: shelf.id, sort: "name_asc", ...input })).items.map((p) => p.name);
      expect(await names({})).toEqual(["Bulk Bowl", "Bulk Cup", "Bulk Plate"]);
      expect(await names({ status: "archived" })).toEqual(["Bulk Plate"]);
      expect(await names({ status: "active" })).toEqual(["Bulk Bowl", "Bulk Cup"]);
      expect(await names({ status: "active", inStock: false })).toEqual(["Bulk Cup"]);
      const bad = await adminCall("admin.catalog.list", { status: "deleted" });
      expect(bad.error?.data.fieldErrors).toEqual([{ path: "status", message: "Status must be active or archived" }]);
      await adminOk("admin.catalog.restoreProduct", { productId: made[1]!.id });
    });

    it("previews a price change and applies exactly the previewed prices, in one transaction", async () => {
      const productIds = made.map((p) => p.id);
      const preview = await adminOk<{ changes: PriceChange[] }>("admin.catalog.pricePreview", { productIds, changeBp: -1_250 });
      expect(preview.changes.map((c) => [c.sku, c.before.minor, c.after.minor])).toEqual([
        ["BULK-BOWL-0", 999, 874],
        ["BULK-BOWL-1", 49_900, 43_663],
        ["BULK-PLATE-0", 10, 9],
        ["BULK-CUP-0", 1, 1],
      ]);
      // Nothing was written by the preview.
      expect((await adminOk<{ variants: { price: { minor: number } }[] }>("admin.catalog.product", { productId: made[0]!.id })).variants[0]!.price.minor).toBe(999);

      const applied = await adminOk<{ updated: number; changes: PriceChange[] }>("admin.catalog.bulkUpdate", { productIds, action: { type: "price", changeBp: -1_250 } });
      expect(applied).toEqual({ updated: 3, changes: preview.changes });
      for (const change of preview.changes) {
        const product = await adminOk<{ variants: { id: string; price: { minor: number } }[] }>("admin.catalog.product", { productId: change.productId });
        expect(product.variants.find((v) => v.id === change.variantId)?.price.minor).toBe(change.after.minor);
      }
      expect((await auditOf(made[0]!.id)).some((entry) => entry.action === "product.bulk.price")).toBe(true);
    });

    it("archives, restores and re-categorises in bulk, all or none", async () => {
      const productIds = made.map((p) => p.id);
      const partly = await adminCall("admin.catalog.bulkUpdate", { productIds: [...productIds, "no-such-product"], action: { type: "archive" } });
      expect(partly.status).toBe(400);
      expect(partly.error?.data.fieldErrors).toEqual([{ path: "productIds", message: "Products include one that does not exist" }]);
      expect((await adminOk<AdminProduct>("admin.catalog.product", { productId: made[0]!.id })).active).toBe(true);

      expect((await adminOk<{ updated: number }>("admin.catalog.bulkUpdate", { productIds, action: { type: "archive" } })).updated).toBe(3);
      expect((await adminOk<{ items: unknown[] }>("admin.catalog.list", { categoryId: shelf.id, status: "active" })).items).toEqual([]);
      await adminOk("admin.catalog.bulkUpdate", { productIds, action: { type: "restore" } });
      await adminOk("admin.catalog.bulkUpdate", { productIds, action: { type: "category", categoryId: other.id } });
      expect((await adminOk<{ items: unknown[] }>("admin.catalog.list", { categoryId: other.id, status: "active" })).items).toHaveLength(3);

      const badInputs: [unknown, string, string][] = [
        [{ productIds: [], action: { type: "archive" } }, "productIds", "Pick at least one product"],
        [{ productIds, action: { type: "price", changeBp: -9_500 } }, "action.changeBp", "Price change % must be at least -90"],
        [{ productIds, action: { type: "price", changeBp: 0 } }, "action.changeBp", "Price change % must not be zero"],
        [{ productIds, action: { type: "category", categoryId: "nowhere" } }, "categoryId", "Category does not exist"],
        [{ productIds: [productIds[0], productIds[0]], action: { type: "archive" } }, "productIds", "Products must not repeat a product"],
      ];
      for (const [input, path, message] of badInputs) {
        const refused = await adminCall("admin.catalog.bulkUpdate", input);
        expect(refused.status).toBe(400);
        expect(refused.error?.data.fieldErrors).toEqual([{ path, message }]);
      }
    });

    it("duplicates a product as an archived copy with free slug and SKUs and no stock", async () => {
      const copy = await adminOk<AdminProduct & { name: string; categoryId: string }>("admin.catalog.duplicateProduct", { productId: made[0]!.id });
      expect(copy).toMatchObject({ name: "Bulk Bowl (copy)", slug: "bulk-bowl-copy", active: false });
      expect(copy.variants.map((v) => v.stock.onHand)).toEqual([0, 0]);
      expect(copy.variants.map((v) => v.sku).every((sku) => sku.startsWith("BULK-BOWL-") && sku.includes("-C"))).toBe(true);
      const again = await adminOk<AdminProduct>("admin.catalog.duplicateProduct", { productId: made[0]!.id });
      expect(again.slug).toBe("bulk-bowl-copy-2");
      expect(new Set([...copy.variants, ...again.variants].map((v) => v.sku)).size).toBe(4);
      expect((await auditOf(copy.id)).map((entry) => entry.action)).toEqual(["product.duplicate"]);
    });
  });
});
