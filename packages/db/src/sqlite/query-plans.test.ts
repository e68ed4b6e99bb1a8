import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PRUNABLE_RECORDS, type CatalogQuery, type CatalogSort } from "@bbscart/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Connection } from "./connection.js";
import { openSqlite } from "./open.js";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const listing = (sort: CatalogSort, categoryId: string | null): CatalogQuery => ({
  search: null,
  categoryId,
  minPriceMinor: null,
  maxPriceMinor: null,
  inStock: null,
  includeInactive: false,
  sort,
  cursor: null,
  limit: 20,
});

/** The query plan of every product-listing SELECT the repository really runs for `query`. */
async function plansFor(query: CatalogQuery): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-plans-"));
  dirs.push(dataDir);
  const db = openSqlite({ dataDir });
  const prepared = vi.spyOn(Connection.prototype, "prepare");
  await db.repos.products.search(query);
  const statements = prepared.mock.calls.map(([sql]) => sql);
  prepared.mockRestore();
  await db.close();
  const inspector = new Database(path.join(dataDir, "bbscart.db"), { readonly: true });
  try {
    return statements
      .filter((sql) => /products p\b/.test(sql))
      .map((sql) => {
        const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1);
        const rows = inspector.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
        return rows.map((row) => row.detail).join(" | ");
      });
  } finally {
    inspector.close();
  }
}

describe("product listing query plans", () => {
  const sorts: CatalogSort[] = ["newest", "price_asc", "price_desc", "name_asc"];

  it.each(sorts)("walk an index for %s, with or without a category, never sorting the matches in a temporary B-tree", async (sort) => {
    for (const categoryId of [null, "category-1"]) {
      const plans = await plansFor(listing(sort, categoryId));
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatch(/USING INDEX products_/);
      expect(plans[0]).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe("relevance search query plan", () => {
  it("reads the top tier in the full-text index's own order, so it stops at the page's end, with or without a category", async () => {
    for (const categoryId of [null, "category-1"]) {
      const [top] = await plansFor({ ...listing("relevance", categoryId), search: "organic rice" });
      expect(top).toMatch(/^SCAN product_search VIRTUAL TABLE INDEX \d+:M/);
      expect(top).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
      expect(top).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe("retention query plans", () => {
  it.each(PRUNABLE_RECORDS)("%s: the batch's inner SELECT searches an index, never scanning its table under the write lock", async (kind) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-plans-"));
    dirs.push(dataDir);
    const db = openSqlite({ dataDir });
    const prepared = vi.spyOn(Connection.prototype, "prepare");
    await db.retention.prune(kind, new Date(), 10);
    const [sql] = prepared.mock.calls.map(([statement]) => statement).filter((statement) => statement.startsWith("DELETE"));
    prepared.mockRestore();
    await db.close();
    const inspector = new Database(path.join(dataDir, "bbscart.db"), { readonly: true });
    try {
      const plan = (inspector.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 10) as Array<{ detail: string }>).map((row) => row.detail).join(" | ");
      expect(plan).toMatch(/SEARCH \w+ USING (COVERING )?INDEX/);
      expect(plan).not.toMatch(/SCAN (outbox|webhook_events|idempotency_keys|sessions|password_resets)\b(?! USING)/);
    } finally {
      inspector.close();
    }
  });
});

describe("open top-ups query plan", () => {
  it("reads reconciliation's open top-ups through the partial index, already in order", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-plans-"));
    dirs.push(dataDir);
    const db = openSqlite({ dataDir });
    const prepared = vi.spyOn(Connection.prototype, "prepare");
    await db.repos.idempotency.findOpen("wallet_top_up", new Date(), 10);
    const [sql] = prepared.mock.calls.map(([statement]) => statement).filter((statement) => /FROM idempotency_keys/.test(statement));
    prepared.mockRestore();
    await db.close();
    const inspector = new Database(path.join(dataDir, "bbscart.db"), { readonly: true });
    try {
      const plan = (inspector.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("wallet_top_up", 1, 10) as Array<{ detail: string }>).map((row) => row.detail).join(" | ");
      expect(plan).toMatch(/USING INDEX idempotency_keys_open/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      inspector.close();
    }
  });
});

/** The query plan of the user-listing SELECT the repository runs for an admin's search, with its real parameters. */
async function userSearchPlan(search: string, role: "admin" | null): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-plans-"));
  dirs.push(dataDir);
  const db = openSqlite({ dataDir });
  const prepared = vi.spyOn(Connection.prototype, "prepare");
  await db.repos.users.list({ cursor: null, limit: 20, search, role });
  const sql = prepared.mock.calls.map(([statement]) => statement).find((statement) => /FROM users/.test(statement));
  prepared.mockRestore();
  await db.close();
  if (!sql) throw new Error("no user listing statement was prepared");
  const inspector = new Database(path.join(dataDir, "bbscart.db"), { readonly: true });
  try {
    const params = [...(role ? [role] : []), ...search.trim().split(/\s+/).map((term) => `${term.toLowerCase()}*`), 21];
    const rows = inspector.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join(" | ");
  } finally {
    inspector.close();
  }
}

describe("admin user search query plans", () => {
  it.each([null, "admin"] as const)("find each term's users by a range of the search keys' primary key, never scanning users (role %s)", async (role) => {
    const plan = await userSearchPlan("asha rao", role);
    expect(plan.match(/SEARCH user_search_keys USING PRIMARY KEY \(key>\? AND key<\?\)/g)).toHaveLength(2);
    expect(plan).not.toMatch(/SCAN users/);
    expect(plan).not.toMatch(/SCAN user_search_keys/);
  });
});

describe("customer figures query plan", () => {
  it("reads only the page's customers' orders through the user index, never scanning every order", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-plans-"));
    dirs.push(dataDir);
    const db = openSqlite({ dataDir });
    const prepared = vi.spyOn(Connection.prototype, "prepare");
    await db.repos.orders.customerOrders(["user-a", "user-b", "user-c"]);
    const [sql] = prepared.mock.calls.map(([statement]) => statement).filter((statement) => /FROM orders WHERE user_id IN/.test(statement));
    prepared.mockRestore();
    await db.close();
    const inspector = new Database(path.join(dataDir, "bbscart.db"), { readonly: true });
    try {
      const plan = (inspector.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("user-a", "user-b", "user-c") as Array<{ detail: string }>).map((row) => row.detail).join(" | ");
      expect(plan).toMatch(/SEARCH orders USING INDEX orders_user_placed \(user_id=\?\)/);
      expect(plan).not.toMatch(/SCAN orders\b/);
    } finally {
      inspector.close();
    }
  });
});
