import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Connection } from "./connection.js";

/*
 * Decision 162: rows are built from better-sqlite3's raw arrays. Every read of the store goes
 * through this, so its rows must be exactly the ones better-sqlite3 builds itself, for any values and
 * any column names — compared here against a second, untouched connection to the same database.
 */

function pair() {
  const db = new Database(":memory:");
  db.exec(`
    CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price INTEGER, ratio REAL, picture BLOB, note TEXT);
    CREATE TABLE tags (id INTEGER PRIMARY KEY, item_id INTEGER, name TEXT);
  `);
  return { ours: new Connection(db), theirs: db };
}

const value = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.uint8Array({ maxLength: 8 }).map((bytes) => Buffer.from(bytes)));

describe("statements of a connection", () => {
  it("give the rows better-sqlite3 gives, for any values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), value, value, value, value), { maxLength: 20 }), (items) => {
        const { ours, theirs } = pair();
        const insert = ours.prepare("INSERT INTO items (name, price, ratio, picture, note) VALUES (?, ?, ?, ?, ?)");
        for (const item of items) insert.run(...item);
        for (const sql of ["SELECT * FROM items ORDER BY id", "SELECT name AS label, price * 2 AS doubled, id AS _k0 FROM items ORDER BY id DESC"]) {
          expect(ours.prepare(sql).all()).toEqual(theirs.prepare(sql).all());
          expect(ours.prepare(`${sql} LIMIT 1`).get()).toEqual(theirs.prepare(`${sql} LIMIT 1`).get());
        }
      }),
    );
  });

  it("name a column as better-sqlite3 does when two share a name: the later one wins, in the same order", () => {
    const { ours, theirs } = pair();
    ours.prepare("INSERT INTO items (id, name) VALUES (1, 'kurta')").run();
    ours.prepare("INSERT INTO tags (id, item_id, name) VALUES (7, 1, 'cotton')").run();
    const sql = "SELECT i.*, t.* FROM items i JOIN tags t ON t.item_id = i.id";
    const row = ours.prepare(sql).get() as Record<string, unknown>;
    expect(row).toEqual(theirs.prepare(sql).get());
    expect(Object.keys(row)).toEqual(Object.keys(theirs.prepare(sql).get() as object));
    expect(row).toMatchObject({ id: 7, name: "cotton", item_id: 1 });
  });

  it("return nothing for no row, and what a write returns with RETURNING", () => {
    const { ours, theirs } = pair();
    expect(ours.prepare("SELECT * FROM items WHERE id = ?").get(42)).toBeUndefined();
    expect(ours.prepare("SELECT * FROM items").all()).toEqual([]);
    const info = ours.prepare("INSERT INTO items (name, price) VALUES (?, ?)").run("saree", 1299);
    expect(info).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(ours.prepare("UPDATE items SET price = price + 1 RETURNING id, price").get()).toEqual({ id: 1, price: 1300 });
    expect(theirs.prepare("SELECT price FROM items").get()).toEqual({ price: 1300 });
  });

  it("leave a column named __proto__ to better-sqlite3: the row never gets a prototype from the data", () => {
    const { ours, theirs } = pair();
    ours.prepare("INSERT INTO items (name) VALUES ('x')").run();
    const sql = "SELECT name AS __proto__, id FROM items";
    const row = ours.prepare(sql).get() as Record<string, unknown>;
    expect(row).toEqual(theirs.prepare(sql).get());
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});
