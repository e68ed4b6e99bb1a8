import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { makeProduct, makeSettings, makeVariant } from "@bbscart/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteHandle } from "./open.js";

/*
 * Migration 023's triggers: the catalog version moves exactly when what the shop shows changes. Stock
 * is moved here through the repositories (an order's reservation) and through a raw connection, as
 * another process would.
 */
let dir: string;
let db: SqliteHandle;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-catalog-version-"));
  db = openSqlite({ dataDir: dir });
  await db.repos.settings.save(makeSettings({ lowStockThreshold: 5 }));
  await db.repos.products.create(
    makeProduct({
      variants: [makeVariant({ stock: { onHand: 8, reserved: 0 } }), makeVariant({ id: "var-off", sku: "OFF", active: false, stock: { onHand: 3, reserved: 0 } })],
    }),
  );
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const version = () => db.catalogVersion.current();
const reserve = (variantId: string, quantity: number) => db.uow.run((repos) => repos.inventory.reserveIfAvailable(variantId, quantity));
const release = (variantId: string, quantity: number) => db.uow.run((repos) => repos.inventory.releaseIfReserved(variantId, quantity));

describe("the catalog version (migration 023)", () => {
  it("stays put while stock moves above the threshold", async () => {
    const before = version();
    expect(await reserve("var-1", 1)).toBe(true); // 8 → 7 available
    expect(await reserve("var-1", 1)).toBe(true); // 7 → 6
    expect(version()).toBe(before);
  });

  it("moves on each change of a shown fact: into the threshold, within it, sold out, back in stock", async () => {
    const moves: number[] = [];
    let last = version();
    const step = async (change: Promise<boolean>) => {
      expect(await change).toBe(true);
      const now = version();
      moves.push(now - last);
      last = now;
    };
    await step(reserve("var-1", 3)); // 8 → 5: "only 5 left" appears
    await step(reserve("var-1", 1)); // 5 → 4
    await step(reserve("var-1", 4)); // 4 → 0: sold out
    await step(release("var-1", 1)); // 0 → 1: back in stock
    await step(release("var-1", 7)); // 1 → 8: "only N left" goes
    expect(moves.every((move) => move > 0)).toBe(true);
  });

  it("ignores stock moves of a variant not on sale", async () => {
    const before = version();
    expect(await reserve("var-off", 3)).toBe(true);
    expect(version()).toBe(before);
  });

  it("follows a new threshold from the settings, and moves for the settings change itself", async () => {
    const before = version();
    await db.repos.settings.save(makeSettings({ lowStockThreshold: 7 }));
    const afterSettings = version();
    expect(afterSettings).toBeGreaterThan(before);
    expect(await reserve("var-1", 1)).toBe(true); // 8 → 7: now at the threshold
    expect(version()).toBeGreaterThan(afterSettings);
  });

  it("moves on a content change committed by another connection, and not on its stock move above the threshold", () => {
    const other = new Database(db.file);
    try {
      const before = version();
      other.prepare("UPDATE variants SET on_hand = on_hand + 10 WHERE id = 'var-1'").run();
      expect(version()).toBe(before);
      other.prepare("UPDATE products SET name = 'Renamed' WHERE id = 'prod-1'").run();
      expect(version()).toBeGreaterThan(before);
      const afterRename = version();
      other.prepare("UPDATE variants SET price_minor = price_minor + 100 WHERE id = 'var-1'").run();
      expect(version()).toBeGreaterThan(afterRename);
    } finally {
      other.close();
    }
  });
});
