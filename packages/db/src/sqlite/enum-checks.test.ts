import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { COUPON_KINDS, ROLES } from "@bbscart/core";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "./open.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The values a migrated table's `CHECK (column IN (...))` allows, in the order written. */
function checkedValues(file: string, table: string, column: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
    const list = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql)?.[1] ?? "";
    return [...list.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  } finally {
    db.close();
  }
}

/*
 * Migrations are history and keep their SQL as written; core's lists are the source. This holds
 * the two in step: a value added to core without a migration widening the CHECK would be refused
 * by SQLite at the first write.
 */
describe("SQLite CHECK constraints", () => {
  it("allow exactly the values of core's lists", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-checks-"));
    dirs.push(dir);
    const file = path.join(dir, "bbscart.db");
    migrateSqlite(file);
    expect(checkedValues(file, "users", "role")).toEqual([...ROLES]);
    expect(checkedValues(file, "coupons", "kind")).toEqual([...COUPON_KINDS]);
  });
});
