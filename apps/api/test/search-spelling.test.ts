import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

interface SearchPage {
  items: Array<{ name: string }>;
  nextCursor: string | null;
  suggestion: { query: string; applied: boolean } | null;
}

describe("search that forgives typos (ADR 145)", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;

  const search = (input: object) => ok<SearchPage>(app.url, "catalog.list", { limit: 20, ...input }, {});
  const names = (page: SearchPage) => page.items.map((item) => item.name).sort();

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const staples = await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Staples" }, { token: admin.token });
    const snacks = await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Snacks" }, { token: admin.token });
    const add = (name: string, categoryId: string, description: string, sku: string, active = true) =>
      createProduct(app.url, admin.token, { name, categoryId, description, active, variants: [{ sku, priceMinor: 8900, stockOnHand: 5 }] });
    await add("Basmati Rice", staples.id, "Long-grain and aged.", "RICE-1");
    await add("Sona Masoori Rice", staples.id, "Light and everyday.", "RICE-2");
    await add("Brown Rice", staples.id, "Whole grain.", "RICE-3");
    // "ryce" only in a description: found as typed, and not a vocabulary word
    await add("Puffed Snack", snacks.id, "Made from ryce, they say.", "SNK-1");
    await add("Archived Basmati", staples.id, "Off the shop.", "OLD-1", false);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("searches the correction when nothing matched as typed, and says so, on tRPC", async () => {
    const page = await search({ search: "basmti" });
    expect(names(page)).toEqual(["Basmati Rice"]);
    expect(page.suggestion).toEqual({ query: "basmati", applied: true });
    const twoWords = await search({ search: "basmti ryce" });
    expect(names(twoWords)).toEqual(["Basmati Rice"]);
    expect(twoWords.suggestion).toEqual({ query: "basmati rice", applied: true });
  });

  it("suggests the correction when a few matched as typed and the correction finds more", async () => {
    const page = await search({ search: "ryce" });
    expect(names(page)).toEqual(["Puffed Snack"]);
    expect(page.suggestion).toEqual({ query: "rice", applied: false });
  });

  it("leaves exact and prefix searches alone, and typos nothing near", async () => {
    for (const text of ["rice", "bas", "sona ric", "velvet", "zz"]) expect((await search({ search: text })).suggestion).toBeNull();
    expect(names(await search({ search: "bas" }))).toEqual(["Basmati Rice"]);
  });

  it("keeps the filters: a correction outside the category finds nothing and is not offered", async () => {
    const snacks = (await ok<Array<{ id: string; name: string }>>(app.url, "catalog.categories", undefined, {})).find((c) => c.name === "Snacks");
    const page = await search({ search: "basmti", categoryId: snacks?.id });
    expect(page).toEqual({ items: [], nextCursor: null, suggestion: null });
  });

  it("pages through an applied correction: the next page is the correction's too", async () => {
    const first = await search({ search: "rise", limit: 2, sort: "name_asc" });
    expect(first.suggestion).toEqual({ query: "rice", applied: true });
    expect(first.items.map((item) => item.name)).toEqual(["Basmati Rice", "Brown Rice"]);
    const second = await search({ search: "rise", limit: 2, sort: "name_asc", cursor: first.nextCursor });
    expect(second.items.map((item) => item.name)).toEqual(["Sona Masoori Rice"]);
    expect(second.suggestion).toEqual({ query: "rice", applied: true });
    expect(second.nextCursor).toBeNull();
  });

  it("answers the same over REST, in the documented shape", async () => {
    const response = await fetch(`${app.url}/api/v1/products?search=ryce`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SearchPage;
    expect(names(body)).toEqual(["Puffed Snack"]);
    expect(body.suggestion).toEqual({ query: "rice", applied: false });
    const applied = (await (await fetch(`${app.url}/api/v1/products?search=${encodeURIComponent('"basmti" -*(')}`)).json()) as SearchPage;
    expect(names(applied)).toEqual(["Basmati Rice"]);
    expect(applied.suggestion).toEqual({ query: "basmati", applied: true });
  });

  it("follows a rename: the old word is no longer suggested, the new one is", async () => {
    expect((await search({ search: "browm" })).suggestion).toEqual({ query: "brown", applied: true });
    const [product] = (await ok<{ items: Array<{ id: string; name: string }> }>(app.url, "admin.catalog.list", { search: "brown", limit: 5 }, { token: admin.token })).items;
    await ok(app.url, "admin.catalog.updateProduct", { productId: product?.id, name: "Red Quinoa" }, { token: admin.token });
    expect((await search({ search: "quinoaa" })).suggestion).toEqual({ query: "quinoa", applied: true });
    expect(await search({ search: "browm" })).toEqual({ items: [], nextCursor: null, suggestion: null });
  });
});
