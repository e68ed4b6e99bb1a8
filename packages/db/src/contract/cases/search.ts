import {
  correctQuery,
  deletionKeys,
  InvalidCursorError,
  searchWords,
  vocabularyRequest,
  type CatalogQuery,
  type DatabaseHandle,
  type ListedProduct,
  type Page,
  type Product,
} from "@bbscart/core";
import { inr, makeCategory, makeProduct, makeVariant } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { itNeeds } from "../context.js";
import { allPages, at, Boom, rejection } from "../fixtures.js";

const query = (overrides: Partial<CatalogQuery> = {}): CatalogQuery => ({
  cursor: null,
  limit: 50,
  search: null,
  categoryId: null,
  minPriceMinor: null,
  maxPriceMinor: null,
  inStock: null,
  sort: "newest",
  includeInactive: false,
  ...overrides,
});

const product = (id: string, fields: { name: string; description: string; categoryId: string; created: number; active?: boolean }, variants: Array<{ sku: string; price: number; onHand: number; active?: boolean }>) =>
  makeProduct({
    id,
    slug: id,
    name: fields.name,
    description: fields.description,
    categoryId: fields.categoryId,
    active: fields.active ?? true,
    createdAt: at(fields.created),
    updatedAt: at(fields.created),
    variants: variants.map((v, i) =>
      makeVariant({ id: `${id}-v${i}`, productId: id, sku: v.sku, name: v.sku, price: inr(v.price), stock: { onHand: v.onHand, reserved: 0 }, active: v.active ?? true }),
    ),
  });

/** A small catalog where each product exists to prove one rule. */
async function seedCatalog(db: DatabaseHandle): Promise<void> {
  await db.repos.categories.create(makeCategory({ id: "kurtas", slug: "kurtas", name: "Kurtas" }));
  await db.repos.categories.create(makeCategory({ id: "sarees", slug: "sarees", name: "Sarees", position: 1 }));
  const { products } = db.repos;
  // name hit; the cheaper variant is inactive, so its price must not count
  await products.create(product("kurta", { name: "Cotton Kurta", description: "Hand-block printed cotton.", categoryId: "kurtas", created: 1 }, [
    { sku: "KUR-BLU-M", price: 129900, onHand: 10 },
    { sku: "KUR-BLU-S", price: 49900, onHand: 10, active: false },
  ]));
  // description hit only; out of stock
  await products.create(product("shirt", { name: "Linen Shirt", description: "Pairs well with a kurta.", categoryId: "kurtas", created: 2 }, [
    { sku: "SHI-WHT-M", price: 89900, onHand: 0 },
  ]));
  // found by SKU and by category name
  await products.create(product("saree", { name: "Silk Saree", description: "Banarasi weave.", categoryId: "sarees", created: 3 }, [
    { sku: "SAR-RED-01", price: 499900, onHand: 2 },
  ]));
  // never in the shop
  await products.create(product("hidden", { name: "Hidden Kurta", description: "Not for sale yet.", categoryId: "kurtas", created: 4, active: false }, [
    { sku: "HID-1", price: 100, onHand: 1 },
  ]));
}

/**
 * Walks each query's pages by `listing` and `search` together, two products a page, and expects the
 * same cursors and, of each product, exactly what a listed product carries.
 */
async function listingMatchesSearch(db: DatabaseHandle, queries: readonly Partial<CatalogQuery>[]): Promise<void> {
  for (const q of queries) {
    let cursor: string | null = null;
    let found = 0;
    do {
      const [listing, search]: [Page<ListedProduct>, Page<Product>] = await Promise.all([db.repos.products.listing(query({ ...q, cursor, limit: 2 })), db.repos.products.search(query({ ...q, cursor, limit: 2 }))]);
      const listed = search.items.map(({ id, slug, name, categoryId, images, imageAlts, variants }) => ({ id, slug, name, categoryId, images, imageAlts, variants }));
      expect(listing, JSON.stringify(q)).toStrictEqual({ items: listed, nextCursor: search.nextCursor });
      found += listing.items.length;
      cursor = listing.nextCursor;
    } while (cursor !== null);
    expect(found, JSON.stringify(q)).toBe((await db.repos.products.search(query({ ...q, limit: 50 }))).items.length);
  }
}

const ids = async (db: DatabaseHandle, q: Partial<CatalogQuery>) => (await db.repos.products.search(query(q))).items.map((p) => p.id);

export function searchCases(context: ContractContext): void {
  it("matches words in name, description, SKU and category name, by prefix, shop-visible only", async () => {
    await seedCatalog(context.db);
    const found = async (search: string, extra: Partial<CatalogQuery> = {}) => (await ids(context.db, { search, ...extra })).sort();
    expect(await found("kurta")).toEqual(["kurta", "shirt"]);
    expect(await found("kurta", { includeInactive: true })).toEqual(["hidden", "kurta", "shirt"]);
    expect(await found("kur")).toEqual(["kurta", "shirt"]);
    expect(await found("SAR-RED-01")).toEqual(["saree"]);
    expect(await found("sarees")).toEqual(["saree"]);
    expect(await found("cotton kurta")).toEqual(["kurta"]);
    expect(await found("velvet")).toEqual([]);
    // characters that mean something to a query language are just text to a shopper
    expect(await found('"kurta -* (')).toEqual(["kurta", "shirt"]);
  });

  itNeeds(context, ["aggregationExpressions"], "ranks by relevance: a name match before a description match", async () => {
    await seedCatalog(context.db);
    expect(await ids(context.db, { search: "kurta", sort: "relevance" })).toEqual(["kurta", "shirt"]);
    const pages = await allPages((page) => context.db.repos.products.search(query({ ...page, search: "kurta", sort: "relevance", includeInactive: true })), 1);
    expect(pages.flat().map((p) => p.id)).toHaveLength(3);
    expect(new Set(pages.flat().map((p) => p.id)).size).toBe(3);
  });

  it("filters by category, by the cheapest active variant's price, and by stock", async () => {
    await seedCatalog(context.db);
    expect(await ids(context.db, { categoryId: "kurtas" })).toEqual(["shirt", "kurta"]);
    expect(await ids(context.db, { maxPriceMinor: 100000 })).toEqual(["shirt"]);
    expect(await ids(context.db, { minPriceMinor: 100000, maxPriceMinor: 129900 })).toEqual(["kurta"]);
    expect(await ids(context.db, { inStock: true })).toEqual(["saree", "kurta"]);
    expect(await ids(context.db, { inStock: false })).toEqual(["shirt"]);
    expect(await ids(context.db, { search: "kurta", inStock: true })).toEqual(["kurta"]);
  });

  it("a listing holds what search finds as a card reads it: the same products, order, variants and cursors, nothing else", async () => {
    await seedCatalog(context.db);
    await listingMatchesSearch(context.db, [
      ...(["newest", "price_asc", "price_desc", "name_asc", "relevance"] as const).map((sort) => ({ sort, includeInactive: true })),
      { search: "kurta", sort: "newest" },
      { categoryId: "kurtas" },
      { minPriceMinor: 100000, sort: "price_asc" },
      { inStock: true },
      { inStock: false },
      { search: "velvet" },
    ]);
  });

  itNeeds(context, ["aggregationExpressions"], "a listing by relevance holds what search finds in every tier, and the same cursors", async () => {
    await seedCatalog(context.db);
    await listingMatchesSearch(context.db, [
      { search: "kurta", sort: "relevance", includeInactive: true },
      // several words: a top tier, then the tiers below it ranked from the matches
      { search: "cotton kurta hand", sort: "relevance" },
      { search: "kur", sort: "relevance", inStock: true },
    ]);
  });

  it("in stock means available after reservations", async () => {
    await seedCatalog(context.db);
    expect(await context.db.repos.inventory.reserveIfAvailable("saree-v0", 2)).toBe(true);
    expect(await ids(context.db, { inStock: true })).toEqual(["kurta"]);
  });

  it("sorts by newest, price both ways and name, in pages that cover everything once", async () => {
    await seedCatalog(context.db);
    const walk = async (sort: CatalogQuery["sort"]) =>
      (await allPages((page) => context.db.repos.products.search(query({ ...page, sort, includeInactive: true })), 2)).flat().map((p) => p.id);
    expect(await walk("newest")).toEqual(["hidden", "saree", "shirt", "kurta"]);
    expect(await walk("price_asc")).toEqual(["hidden", "shirt", "kurta", "saree"]);
    expect(await walk("price_desc")).toEqual(["saree", "kurta", "shirt", "hidden"]);
    expect(await walk("name_asc")).toEqual(["kurta", "hidden", "shirt", "saree"]);
    expect(await walk("relevance")).toEqual(["hidden", "saree", "shirt", "kurta"]);
  });

  it("sorts names without regard to case (as SQLite's NOCASE), in pages", async () => {
    const { products } = context.db.repos;
    for (const [id, name, created] of [["p-cherry", "cherry", 1], ["p-banana", "Banana", 2], ["p-apple", "apple", 3], ["p-apple2", "APPLE", 4]] as const) {
      await products.create(product(id, { name, description: "", categoryId: "c", created }, [{ sku: `${id}-1`, price: 100, onHand: 1 }]));
    }
    const walk = async (categoryId: string | null) =>
      (await allPages((page) => products.search(query({ ...page, sort: "name_asc", categoryId })), 1)).flat().map((p) => p.id);
    // Equal names ("apple", "APPLE") by id.
    expect(await walk(null)).toEqual(["p-apple", "p-apple2", "p-banana", "p-cherry"]);
    expect(await walk("c")).toEqual(["p-apple", "p-apple2", "p-banana", "p-cherry"]);
    // A rename moves the product to its new place.
    await products.update("p-cherry", { name: "Aubergine", updatedAt: at(9) });
    expect(await walk(null)).toEqual(["p-apple", "p-apple2", "p-cherry", "p-banana"]);
  });

  it("sorts a product without an active price last, in both price orders and in pages", async () => {
    await seedCatalog(context.db);
    const { products } = context.db.repos;
    await products.create(product("unpriced", { name: "Draft Dupatta", description: "", categoryId: "kurtas", created: 5 }, [{ sku: "DRA-1", price: 100, onHand: 1, active: false }]));
    const walk = async (sort: CatalogQuery["sort"], categoryId: string | null = null) =>
      (await allPages((page) => products.search(query({ ...page, sort, categoryId })), 1)).flat().map((p) => p.id);
    expect(await walk("price_asc")).toEqual(["shirt", "kurta", "saree", "unpriced"]);
    expect(await walk("price_desc")).toEqual(["saree", "kurta", "shirt", "unpriced"]);
    expect(await walk("price_desc", "kurtas")).toEqual(["kurta", "shirt", "unpriced"]);
    // A price filter never takes the missing price for a price.
    expect(await ids(context.db, { minPriceMinor: 100000 })).toEqual(["saree", "kurta"]);
    // Its variant going on sale gives it its price and its place.
    await products.updateVariant("unpriced-v0", { active: true });
    expect(await walk("price_asc")).toEqual(["unpriced", "shirt", "kurta", "saree"]);
  });

  itNeeds(context, ["aggregationExpressions"], "ranks equally relevant products newest first, in pages", async () => {
    const { products } = context.db.repos;
    // Same name, description and category: equal relevance, so creation decides.
    for (const [id, created] of [["tie-c", 1], ["tie-a", 2], ["tie-b", 3]] as const) {
      await products.create(product(id, { name: "Chiffon Dupatta", description: "Light.", categoryId: "c", created }, [{ sku: `SKU-${id}`, price: 100, onHand: 1 }]));
    }
    const pages = await allPages((page) => products.search(query({ ...page, search: "dupatta", sort: "relevance" })), 1);
    expect(pages.flat().map((p) => p.id)).toEqual(["tie-b", "tie-a", "tie-c"]);
  });

  itNeeds(context, ["aggregationExpressions"], "ranks by how many words begin a name or SKU word, whatever was created later", async () => {
    const { products } = context.db.repos;
    // Created oldest first, so newest-first alone would give the reverse order.
    await products.create(product("both", { name: "Silk Kurta", description: "Festive.", categoryId: "c", created: 1 }, [{ sku: "SK-1", price: 100, onHand: 1 }]));
    await products.create(product("sku-silk", { name: "Festive Kurta", description: "Soft.", categoryId: "c", created: 2 }, [{ sku: "SILK-2", price: 100, onHand: 1 }]));
    await products.create(product("one", { name: "Kurta", description: "Pure silk.", categoryId: "c", created: 3 }, [{ sku: "KU-3", price: 100, onHand: 1 }]));
    await products.create(product("none", { name: "Dupatta", description: "Silk, for a kurta.", categoryId: "c", created: 4 }, [{ sku: "DU-4", price: 100, onHand: 1 }]));
    const order = ["sku-silk", "both", "one", "none"];
    expect(await ids(context.db, { search: "silk kurta", sort: "relevance" })).toEqual(order);
    for (const limit of [1, 2, 3]) {
      const pages = await allPages((page) => products.search(query({ ...page, search: "kurta silk", sort: "relevance" })), limit);
      expect(pages.flat().map((p) => p.id)).toEqual(order);
    }
  });

  itNeeds(context, ["aggregationExpressions"], "relevance over a random catalog equals counting name hits by hand, in pages of any size, with a category or without", async () => {
    const { products } = context.db.repos;
    const vocabulary = ["silk", "silken", "cotton", "kurta", "saree", "red", "blue"];
    // Park–Miller: every product below is the same on each engine and each run.
    let state = 7;
    const next = (n: number) => {
      state = (state * 48271) % 2147483647;
      return state % n;
    };
    const some = (count: number) => Array.from({ length: count }, () => vocabulary[next(vocabulary.length)]!).join(" ");
    const made: Array<{ id: string; name: string; description: string; sku: string; active: boolean; categoryId: string }> = [];
    for (let i = 1; i <= 40; i++) {
      const made1 = { id: `r${String(i).padStart(2, "0")}`, name: some(1 + next(3)), description: some(next(4)), sku: `${some(1).toUpperCase()}-${i}`, active: next(8) > 0, categoryId: next(2) ? "c" : "d" };
      made.push(made1);
      await products.create(product(made1.id, { name: made1.name, description: made1.description, categoryId: made1.categoryId, created: i, active: made1.active }, [{ sku: made1.sku, price: 100, onHand: 1 }]));
    }
    const begins = (texts: string[], word: string) => texts.some((text) => searchWords(text).some((token) => token.startsWith(word)));
    const byHand = (search: string, categoryId: string | null) => {
      const words = [...new Set(searchWords(search))];
      return made
        .map((p, stored) => ({ p, stored, hits: words.filter((w) => begins([p.name, p.sku], w)).length }))
        .filter(({ p }) => p.active && (categoryId === null || p.categoryId === categoryId) && words.every((w) => begins([p.name, p.description, p.sku], w)))
        .sort((a, b) => b.hits - a.hits || b.stored - a.stored)
        .map(({ p }) => p.id);
    };
    for (const search of ["silk", "sil", "kurta", "silk kurta", "red silk", "cotton red blue", "si ku", "saree saree"]) {
      for (const categoryId of [null, "d"]) {
        const expected = byHand(search, categoryId);
        expect(expected.length, `"${search}" in ${categoryId ?? "every category"} finds something to order`).toBeGreaterThan(categoryId === null ? 2 : 0);
        for (const limit of [1, 4, 50]) {
          const pages = await allPages((page) => products.search(query({ ...page, search, categoryId, sort: "relevance" })), limit);
          expect(pages.flat().map((p) => p.id), `"${search}" in ${categoryId ?? "every category"}, pages of ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it("a page boundary does not move when products are added meanwhile", async () => {
    await seedCatalog(context.db);
    const first = await context.db.repos.products.search(query({ limit: 2 }));
    expect(first.items.map((p) => p.id)).toEqual(["saree", "shirt"]);
    await context.db.repos.products.create(product("new", { name: "New Dupatta", description: "Fresh.", categoryId: "kurtas", created: 10 }, [{ sku: "NEW-1", price: 100, onHand: 1 }]));
    const second = await context.db.repos.products.search(query({ limit: 2, cursor: first.nextCursor }));
    expect(second.items.map((p) => p.id)).toEqual(["kurta"]);
    expect(second.nextCursor).toBeNull();
  });

  it("a cursor from another ordering, or tampered with, is refused as InvalidCursorError, not misread", async () => {
    await seedCatalog(context.db);
    const { products } = context.db.repos;
    const first = await products.search(query({ limit: 1 }));
    expect(await rejection(products.search(query({ limit: 1, sort: "price_asc", cursor: first.nextCursor })))).toBeInstanceOf(InvalidCursorError);
    expect(await rejection(products.search(query({ limit: 1, cursor: first.nextCursor?.slice(0, -4) ?? null })))).toBeInstanceOf(InvalidCursorError);
    expect(await rejection(products.search(query({ limit: 1, cursor: "not a cursor" })))).toBeInstanceOf(InvalidCursorError);
    const forged = Buffer.from(JSON.stringify({ s: "products:newest", k: [0] })).toString("base64url");
    expect(await rejection(products.search(query({ limit: 1, cursor: forged })))).toBeInstanceOf(InvalidCursorError);
  });

  it("the search index follows product, variant and category writes, and their rollbacks", async () => {
    await seedCatalog(context.db);
    const { products, categories } = context.db.repos;
    await products.update("saree", { name: "Bandhani Lehenga", updatedAt: at(20) });
    expect(await ids(context.db, { search: "silk" })).toEqual([]);
    expect(await ids(context.db, { search: "lehenga" })).toEqual(["saree"]);
    await products.addVariant(makeVariant({ id: "saree-v9", productId: "saree", sku: "ZARI-9", price: inr(1000) }));
    expect(await ids(context.db, { search: "zari" })).toEqual(["saree"]);
    expect(await ids(context.db, { maxPriceMinor: 1000 })).toEqual(["saree"]);
    await products.updateVariant("saree-v9", { sku: "GOTA-9", price: inr(600000) });
    expect(await ids(context.db, { search: "zari" })).toEqual([]);
    expect(await ids(context.db, { search: "gota" })).toEqual(["saree"]);
    await categories.update("sarees", { name: "Bridal" });
    expect(await ids(context.db, { search: "bridal" })).toEqual(["saree"]);
    await expect(
      context.db.uow.run(async (repos) => {
        await repos.products.update("kurta", { name: "Rolled Back", updatedAt: at(21) });
        throw new Boom();
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await ids(context.db, { search: "rolled" })).toEqual([]);
    expect(await ids(context.db, { search: "cotton" })).toEqual(["kurta"]);
  });

  /** What a shopper's words are corrected to, through the port and core's rules. */
  const corrected = async (db: DatabaseHandle, text: string) => {
    const words = text.split(" ");
    return correctQuery(words, await db.repos.products.lookupVocabulary(vocabularyRequest(words)));
  };
  const vocabulary = async (db: DatabaseHandle, word: string) =>
    (await db.repos.products.lookupVocabulary({ words: [], keys: deletionKeys(word) })).near.find((entry) => entry.word === word) ?? null;

  it("corrects typos to words of product and category names, leaves known words and prefixes alone", async () => {
    await seedCatalog(context.db);
    expect(await corrected(context.db, "cottn kurtta")).toEqual(["cotton", "kurta"]);
    expect(await corrected(context.db, "silk sarees")).toBeNull();
    expect(await corrected(context.db, "sil kur")).toBeNull();
    // counted per product whose name or category name has the word, archived ones included
    expect(await vocabulary(context.db, "kurta")).toEqual({ word: "kurta", products: 2 });
    expect(await vocabulary(context.db, "kurtas")).toEqual({ word: "kurtas", products: 3 });
    // descriptions and SKUs are searched but are not the vocabulary: "Banarasi" is only a description word
    expect(await corrected(context.db, "banarasy")).toBeNull();
    const lookup = await context.db.repos.products.lookupVocabulary({ words: ["kur", "zzz"], keys: [] });
    expect(lookup).toEqual({ known: ["kur"], near: [] });
  });

  it("follows renames of products and categories, dropping words no product uses", async () => {
    await seedCatalog(context.db);
    await context.db.repos.products.update("saree", { name: "Banarasi Sari", updatedAt: at(10) });
    expect(await vocabulary(context.db, "silk")).toBeNull();
    expect(await vocabulary(context.db, "saree")).toBeNull();
    expect(await corrected(context.db, "banarasy")).toEqual(["banarasi"]);
    await context.db.uow.run((repos) => repos.categories.update("kurtas", { name: "Tunics" }));
    expect(await vocabulary(context.db, "kurtas")).toBeNull();
    expect(await vocabulary(context.db, "tunics")).toEqual({ word: "tunics", products: 3 });
    // a product moved to another category takes that category's words
    await context.db.repos.products.update("shirt", { categoryId: "sarees", updatedAt: at(11) });
    expect(await vocabulary(context.db, "tunics")).toEqual({ word: "tunics", products: 2 });
    expect(await vocabulary(context.db, "sarees")).toEqual({ word: "sarees", products: 2 });
    // a variant or price edit leaves the words as they are
    await context.db.repos.products.updateVariant("shirt-v0", { price: inr(100) });
    expect(await vocabulary(context.db, "linen")).toEqual({ word: "linen", products: 1 });
  });

  it("a rolled-back catalog write leaves the vocabulary as it was", async () => {
    await seedCatalog(context.db);
    await expect(
      context.db.uow.run(async (repos) => {
        await repos.products.create(product("rice", { name: "Basmati Rice", description: "", categoryId: "kurtas", created: 9 }, [{ sku: "RICE-1", price: 100, onHand: 1 }]));
        await repos.products.update("kurta", { name: "Cotton Tunic", updatedAt: at(12) });
        throw new Boom();
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await corrected(context.db, "basmti")).toBeNull();
    expect(await vocabulary(context.db, "kurta")).toEqual({ word: "kurta", products: 2 });
    expect(await vocabulary(context.db, "tunic")).toBeNull();
  });
}
