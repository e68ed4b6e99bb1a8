import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { defaultStoreSettings, deletionKeys, expectOk, money, recordRefund } from "@bbscart/core";
import { inr, makeAddress, makeCategory, makeCoupon, makeOrder, makePricingLine, makeProduct, makeSettings, makeUser, makeVariant } from "@bbscart/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { issuedInvoice } from "../contract/cases/tax-documents.js";
import { allPages, makeAudit, makeOutbox } from "../contract/fixtures.js";
import { openDatabase } from "../index.js";
import { idFromSql } from "./codec.js";
import { unpackJsonText } from "./compact.js";
import { catalogVersion } from "./migrations/023-catalog-version.js";
import { migrations } from "./migrations/index.js";
import { backupSqlite, migrateSqlite, openSqlite, sqliteFileName, vacuumSqlite, type SqliteHandle } from "./open.js";

const dirs: string[] = [];
const handles: SqliteHandle[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-db-"));
  dirs.push(dir);
  return path.join(dir, "nested", "data");
};
const open = (dataDir = tempDir()) => {
  const handle = openSqlite({ dataDir });
  handles.push(handle);
  return handle;
};
afterEach(async () => {
  vi.restoreAllMocks();
  for (const handle of handles.splice(0)) await handle.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("openDatabase without MONGODB_URI", () => {
  it("creates DATA_DIR/bbscart.db in WAL mode, migrated, and answers pings", async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir });
    expect(db.engine).toBe("sqlite");
    await expect(db.ping()).resolves.toBeUndefined();
    const file = path.join(dataDir, sqliteFileName);
    const other = new Database(file, { readonly: true });
    expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(other.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(migrations.map((m) => m.version));
    other.close();
    await db.close();
  });

  it("rejects pings once closed, so readiness reports a closed database", async () => {
    const db = await openDatabase({ dataDir: tempDir(), sqliteSynchronous: "NORMAL" });
    await db.close();
    await expect(db.ping()).rejects.toThrow();
  });

  /** Which file a descriptor of this process is open on (Linux). */
  const fileOf = (fd: number) => fs.readlinkSync(`/proc/self/fd/${fd}`);

  it.runIf(fs.existsSync("/proc/self/fd"))("by default acknowledges a write only after the log holding it was flushed, off the event loop (decision 168)", async () => {
    const dataDir = tempDir();
    const flushed: string[] = [];
    const fdatasync = fs.fdatasync;
    vi.spyOn(fs, "fdatasync").mockImplementation((fd, done) => {
      flushed.push(fileOf(fd));
      fdatasync(fd, done);
    });
    const db = open(dataDir);
    const seen = await db.uow.run(async (repos) => {
      await repos.audit.append(makeAudit());
      return flushed.length;
    });
    expect(seen).toBe(0);
    expect(flushed).toEqual([path.join(fs.realpathSync(dataDir), `${sqliteFileName}-wal`)]);
    await db.repos.audit.append(makeAudit({ id: "audit-2" }));
    expect(flushed).toHaveLength(2);
  });

  it("refuses every write and the readiness ping once a flush of the log has failed; the store's data stays readable", async () => {
    vi.spyOn(fs, "fdatasync").mockImplementation((_fd, done) => done(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" })));
    const db = open();
    await expect(db.uow.run((repos) => repos.audit.append(makeAudit()))).rejects.toThrow(/could not be flushed to disk \(EIO/);
    await expect(db.ping()).rejects.toThrow(/restart the process/);
    let ran = false;
    await expect(
      db.uow.run(() => {
        ran = true;
        return Promise.resolve();
      }),
    ).rejects.toThrow(/could not be flushed/);
    expect(ran).toBe(false);
    await expect(db.repos.audit.append(makeAudit({ id: "audit-2" }))).rejects.toThrow(/could not be flushed/);
    const everything = { cursor: null, limit: 10, actorId: null, action: null, targetType: null, targetId: null, from: null, to: null };
    expect((await db.repos.audit.list(everything)).items.map((entry) => entry.id)).toEqual([makeAudit().id]);
  });

  it("flushes nothing itself when told commits need not survive power loss (NORMAL)", async () => {
    const spy = vi.spyOn(fs, "fdatasync");
    const db = await openDatabase({ dataDir: tempDir(), sqliteSynchronous: "NORMAL" });
    await db.repos.audit.append(makeAudit());
    expect(spy).not.toHaveBeenCalled();
    await db.close();
  });

  /** The files SQLite has open as temporary storage (created under the names `etilqs_…`, then unlinked). */
  const sqliteTempFiles = () =>
    fs
      .readdirSync("/proc/self/fd")
      .map((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return ""; // closed between listing and reading (the listing's own descriptor)
        }
      })
      .filter((target) => target.includes("etilqs_"));

  /** A store of 300 products with long descriptions: renaming them all rewrites ~1 MiB of pages that existed before. */
  const storeOf300 = async () => {
    const db = await openDatabase({ dataDir: tempDir(), sqliteSynchronous: "NORMAL" });
    const ids = Array.from({ length: 300 }, (_, i) => `p${i}`);
    await db.uow.run(async (repos) => {
      for (const id of ids) {
        await repos.products.create(makeProduct({ id, slug: id, name: `Name ${id}`, description: "d".repeat(1500), variants: [makeVariant({ id: `${id}-v`, productId: id, sku: id })] }));
      }
    });
    return { db, ids };
  };

  it.runIf(fs.existsSync("/proc/self/fd"))("keeps a transaction's statement journal in memory: writes touching hundreds of pages open no temporary file", async () => {
    const { db, ids } = await storeOf300();
    // Each renamed page's original goes to the statement journal, ~1 MiB of it, far past the 64 KiB
    // SQLite keeps in memory by default.
    const seen = await db.uow.run(async (repos) => {
      for (const id of ids) await repos.products.update(id, { name: `Renamed ${id}`, updatedAt: new Date() });
      return sqliteTempFiles();
    });
    expect(seen).toEqual([]);
    expect((await db.repos.products.findById("p299"))?.name).toBe("Renamed p299");
    await db.close();
  });

  it("rolls back a unit whose in-memory journal holds ~1 MiB alone: the units sharing its commit keep their writes", async () => {
    const { db, ids } = await storeOf300();
    // Queued together, the three units share one transaction (group commit); the middle one renames
    // every product, then fails, so SQLite must put back every page from the journal in memory.
    const outcomes = await Promise.allSettled([
      db.uow.run((repos) => repos.products.update("p0", { name: "First", updatedAt: new Date() })),
      db.uow.run(async (repos) => {
        for (const id of ids) await repos.products.update(id, { name: `Lost ${id}`, updatedAt: new Date() });
        throw new Error("refused after renaming everything");
      }),
      db.uow.run((repos) => repos.products.update("p299", { name: "Last", updatedAt: new Date() })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const names = await Promise.all(ids.map(async (id) => (await db.repos.products.findById(id))?.name));
    expect(names[0]).toBe("First");
    expect(names[299]).toBe("Last");
    expect(names.slice(1, 299)).toEqual(ids.slice(1, 299).map((id) => `Name ${id}`));
    await db.close();
  });
});

/**
 * How to take a database back from each migration, for the tests that prove a migration upgrades
 * what was written before it. A migration that changes the schema adds its undo here.
 */
const undo: Readonly<Record<number, string>> = {
  3: "DROP TABLE order_lines; DROP INDEX orders_payment_method_placed; ",
  4: "DROP INDEX products_category_price_asc; DROP INDEX products_category_price_desc; DROP INDEX products_category_name; ",
  5: "DROP INDEX orders_refund_pending; ALTER TABLE orders DROP COLUMN refund_pending_since; ",
  // The carts' owner indexes as version 5 left them.
  6: "DROP INDEX carts_user_unique; DROP INDEX carts_guest_unique; CREATE INDEX carts_user ON carts (user_id, updated_at); CREATE INDEX carts_guest ON carts (guest_id, updated_at); ",
  7: "DROP INDEX orders_number; DROP INDEX orders_phone; ALTER TABLE orders DROP COLUMN number; ALTER TABLE orders DROP COLUMN phone; DROP TABLE counters; ",
  8: "DROP INDEX idempotency_keys_created; DROP INDEX sessions_expires; DROP INDEX password_resets_expires; ",
  9: "DROP INDEX idempotency_keys_open; ALTER TABLE idempotency_keys DROP COLUMN open_since; ",
  10:
    "DROP INDEX categories_parent; ALTER TABLE categories DROP COLUMN position; ALTER TABLE categories DROP COLUMN description; " +
    "ALTER TABLE categories DROP COLUMN image; ALTER TABLE categories DROP COLUMN archived_at; ",
  11: "DROP INDEX orders_coupon; ALTER TABLE coupons DROP COLUMN version; ALTER TABLE coupons DROP COLUMN description; ",
  12: "DROP TABLE user_search_keys; ",
  // Data only, and it touches only orders without returns: rewinding past it needs no undo.
  13: "",
  // Data only: codes read back as the names they replaced (stateCodeFor maps a code to itself).
  14: "",
  15: "DROP TABLE search_vocabulary; DROP TABLE search_vocabulary_keys; ",
  // The owner stays nullable on the way back: a rewound schema still reads every order it held.
  16: "DROP INDEX orders_guest_email; ALTER TABLE orders DROP COLUMN guest_email; ",
  17: "DROP TABLE rollup_state; DROP TABLE sales_rollup_days; DROP TABLE sales_rollup_products; ",
  18: "DROP TABLE tax_documents; DELETE FROM counters WHERE name LIKE 'tax:%'; ALTER TABLE products DROP COLUMN hsn_code; ",
  19: "ALTER TABLE products DROP COLUMN image_alts; ",
  // Back to JSON text (expand_json, registered by rewindTo) and the report columns gone.
  21:
    "UPDATE orders SET details = expand_json(details); UPDATE tax_documents SET document = expand_json(document); " +
    "UPDATE audit_log SET before = expand_json(before), after = expand_json(after); UPDATE outbox SET notification = expand_json(notification); " +
    "ALTER TABLE orders DROP COLUMN captured_minor; ALTER TABLE orders DROP COLUMN refunded_minor; ",
  // The audit log keyed by its id again, order_lines refilled from the orders' lines, the indexes as 019 left them.
  22:
    "CREATE TABLE audit_log_keyed (id TEXT PRIMARY KEY, at INTEGER NOT NULL, actor_id TEXT NOT NULL, action TEXT NOT NULL, target_type TEXT NOT NULL, " +
    "target_id TEXT NOT NULL, reason TEXT, request_id TEXT, before TEXT NOT NULL, after TEXT NOT NULL); " +
    "INSERT INTO audit_log_keyed SELECT expand_id(id), at, expand_id(actor_id), action, target_type, expand_id(target_id), reason, expand_id(request_id), before, after FROM audit_log; " +
    "DROP TABLE audit_log; ALTER TABLE audit_log_keyed RENAME TO audit_log; CREATE INDEX audit_log_at ON audit_log (at, id); " +
    "CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at, id); CREATE INDEX audit_log_action_at ON audit_log (action, at, id); " +
    "CREATE INDEX audit_log_target_at ON audit_log (target_type, target_id, at, id); " +
    "CREATE TABLE order_lines (order_id TEXT NOT NULL REFERENCES orders (id), line_no INTEGER NOT NULL, product_id TEXT NOT NULL, quantity INTEGER NOT NULL, " +
    "total_minor INTEGER NOT NULL, placed_at INTEGER NOT NULL, PRIMARY KEY (order_id, line_no)); CREATE INDEX order_lines_placed ON order_lines (placed_at); " +
    "INSERT INTO order_lines SELECT o.id, line.key, json_extract(line.value, '$.productId'), json_extract(line.value, '$.quantity'), " +
    "json_extract(line.value, '$.total.minor'), o.placed_at FROM orders o, json_each(expand_json(o.details), '$.lines') AS line; " +
    "DROP INDEX ledger_transfers_debit; DROP INDEX ledger_transfers_credit; DROP INDEX ledger_transfers_reference; " +
    "CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account, created_at, id); CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account, created_at, id); " +
    "CREATE INDEX ledger_transfers_reference ON ledger_transfers (reference, created_at, id); " +
    "CREATE INDEX orders_phone ON orders (phone); DROP INDEX orders_payment_intent; CREATE INDEX orders_payment_intent ON orders (payment_intent_id); ",
  25: "DROP TRIGGER sales_rollup_weeks_insert; DROP TRIGGER sales_rollup_weeks_update; DROP TRIGGER sales_rollup_weeks_delete; DROP TABLE sales_rollup_product_weeks; ",
  24: "DROP TRIGGER order_status_counts_insert; DROP TRIGGER order_status_counts_update; DROP TRIGGER order_status_counts_delete; DROP TABLE order_status_counts; ",
  23:
    "DROP TRIGGER catalog_products_insert; DROP TRIGGER catalog_products_update; DROP TRIGGER catalog_products_delete; " +
    "DROP TRIGGER catalog_variants_insert; DROP TRIGGER catalog_variants_update; DROP TRIGGER catalog_variants_delete; DROP TRIGGER catalog_variants_availability; " +
    "DROP TRIGGER catalog_categories_insert; DROP TRIGGER catalog_categories_update; DROP TRIGGER catalog_categories_delete; " +
    "DROP TRIGGER catalog_settings_insert; DROP TRIGGER catalog_settings_update; DROP TABLE catalog_version; ",
};

/** Undoes every migration after `version`, newest first; returns the versions migrating applies again. */
function rewindTo(file: string, version: number): number[] {
  const later = migrations.map((m) => m.version).filter((v) => v > version);
  const raw = new Database(file);
  raw.function("expand_json", { deterministic: true }, (blob) => unpackJsonText(blob as Buffer));
  raw.function("expand_id", { deterministic: true }, (id) => (id === null ? null : idFromSql(id as string | Buffer)));
  try {
    const steps = later.toReversed().map((v) => {
      const sql = undo[v];
      if (sql === undefined) throw new Error(`migration ${v} has no undo in open.test.ts`);
      return sql;
    });
    raw.exec(`${steps.join("")}DELETE FROM schema_migrations WHERE version > ${version}`);
  } finally {
    raw.close();
  }
  return later;
}

describe("migrations", () => {
  it("apply once: reopening or migrating again applies nothing", async () => {
    const db = open();
    await db.close();
    handles.splice(0);
    expect(migrateSqlite(db.file)).toEqual([]);
    const fresh = path.join(tempDir(), "fresh.db");
    fs.mkdirSync(path.dirname(fresh), { recursive: true });
    expect(migrateSqlite(fresh)).toEqual(migrations.map((m) => m.version));
  });

  it("003 copies the lines of orders placed before it into order_lines, so top products count them", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct());
    const order = makeOrder({ lines: [makePricingLine({ quantity: 3 })] });
    await db.repos.orders.create(order);
    await db.close();
    handles.splice(0);
    // Back to version 2: the order exists, its lines only in the order's JSON.
    const reapplied = rewindTo(db.file, 2);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect(await reopened.repos.orders.topProducts({ from: order.placedAt, to: new Date(order.placedAt.getTime() + 1), currency: "INR", limit: 5 })).toEqual([
      { productId: "prod-1", name: "Cotton Kurta", quantity: 3, revenue: order.lines[0]!.total },
    ]);
  });

  it("005 finds the pending card refunds of orders saved before it", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const paid = makeOrder({ status: "delivered", paymentMethod: "card" });
    const at = new Date("2026-11-20T10:00:00Z");
    const refund = { id: "refund-1", amount: paid.total, destination: "card" as const, reason: "never arrived", at, status: "pending" as const, settledAt: null };
    await db.repos.orders.create({ ...paid, payment: expectOk(recordRefund(paid.payment, refund), "test refund") });
    await db.close();
    handles.splice(0);
    // Back to version 4: the refund is only in the order's JSON.
    const reapplied = rewindTo(db.file, 4);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.orders.findWithPendingRefunds(new Date(at.getTime() + 1), 5)).map((order) => order.id)).toEqual([paid.id]);
    expect(await reopened.repos.orders.findWithPendingRefunds(at, 5)).toEqual([]);
  });

  it("016 rebuilds orders with an optional owner, keeping every order and its lines; older orders count their coupon for the account", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct());
    const order = makeOrder({ lines: [makePricingLine({ quantity: 2 })], coupon: makeCoupon() });
    await db.repos.orders.create(order);
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 15);
    // As version 15 stored it: no guest and no coupon holders in the details.
    const raw = new Database(db.file);
    raw.prepare("UPDATE orders SET details = json_remove(details, '$.guest', '$.couponHolders')").run();
    raw.close();
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect(await reopened.repos.orders.findById(order.id)).toEqual({ ...order, couponHolders: ["user-1"] });
    expect((await reopened.repos.orders.topProducts({ from: order.placedAt, to: new Date(order.placedAt.getTime() + 1), currency: "INR", limit: 5 }))[0]?.quantity).toBe(2);
    const guestOrder = makeOrder({ id: "order-guest", guest: { email: "asha@example.com", phone: "+919800000001" }, paymentMethod: "cod" });
    await reopened.repos.orders.create(guestOrder);
    expect(await reopened.repos.orders.findUnclaimedGuestOrders("asha@example.com")).toEqual([guestOrder]);
  });

  it("006 folds an owner's duplicate carts into the one updated last, then holds one cart per owner", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 5);
    const raw = new Database(db.file);
    const insert = raw.prepare("INSERT INTO carts (id, user_id, guest_id, currency, lines, coupon_code, updated_at) VALUES (?, ?, ?, 'INR', '[]', NULL, ?)");
    for (const [id, user, guest, at] of [["u-old", "user-1", null, 1], ["u-new", "user-1", null, 2], ["g-new", null, "guest-1", 4], ["g-old", null, "guest-1", 3], ["other", "user-2", null, 1]] as const) {
      insert.run(id, user, guest, at);
    }
    raw.close();
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.carts.findByUser("user-1"))?.id).toBe("u-new");
    expect((await reopened.repos.carts.findByGuest("guest-1"))?.id).toBe("g-new");
    expect((await reopened.repos.carts.findByUser("user-2"))?.id).toBe("other");
  });

  it("007 numbers the orders saved before it in the order they were placed, and the sequence continues after them", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const second = { ...makeOrder({ id: "second" }), placedAt: new Date("2026-11-20T10:00:00Z") };
    const first = { ...makeOrder({ id: "first" }), placedAt: new Date("2026-11-19T10:00:00Z") };
    await db.repos.orders.create(second);
    await db.repos.orders.create(first);
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 6);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.orders.findById("first"))?.number).toBe("BB-10001");
    expect((await reopened.repos.orders.findById("second"))?.number).toBe("BB-10002");
    expect(await reopened.repos.orders.nextNumber()).toBe(3);
  });

  it("014 turns free-text states into codes and keeps an unmatched one as typed", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const addresses = [makeAddress({ id: "a-1", state: "karnataka" }), makeAddress({ id: "a-2", state: "Jammu & Kashmir" }), makeAddress({ id: "a-3", state: "Bangalore" })];
    await db.repos.users.create(makeUser({ id: "u-states", email: "states@example.com", addresses }));
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 13);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.users.findById("u-states"))?.addresses.map((a) => a.state)).toEqual(["KA", "JK", "Bangalore"]);
  });

  it("015 fills the vocabulary from the products stored before it, as the repositories would", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.categories.create(makeCategory({ id: "staples", slug: "staples", name: "Staples" }));
    for (const [id, name] of [["rice", "Basmati Rice"], ["sona", "Sona Masoori Rice"]] as const) {
      await db.repos.products.create(makeProduct({ id, slug: id, name, categoryId: "staples", variants: [makeVariant({ id: `${id}-v`, productId: id, sku: id })] }));
    }
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 14);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    const near = async (word: string) => (await reopened.repos.products.lookupVocabulary({ words: [], keys: deletionKeys(word) })).near;
    expect(await near("ryce")).toEqual([{ word: "rice", products: 2 }]);
    expect(await near("staple")).toEqual([{ word: "staples", products: 2 }]);
    // and the repositories go on from the counts it wrote
    await reopened.repos.products.update("sona", { name: "Sona Masoori", updatedAt: new Date() });
    expect(await near("ryce")).toEqual([{ word: "rice", products: 1 }]);
  });

  it("019 gives the products stored before it one empty alt text per image", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct({ images: ["products/a.webp", "products/b.webp"] }));
    await db.repos.products.create(makeProduct({ id: "bare", slug: "bare", images: [], variants: [makeVariant({ id: "bare-v", productId: "bare", sku: "BARE" })] }));
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 15);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.products.findById("prod-1"))?.imageAlts).toEqual(["", ""]);
    expect((await reopened.repos.products.findById("bare"))?.imageAlts).toEqual([]);
  });

  it("023 starts the catalog version at the saved low-stock threshold, or the default without saved settings", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const threshold = () => {
      const raw = new Database(db.file, { readonly: true });
      try {
        return raw.prepare("SELECT low_stock_threshold FROM catalog_version").pluck().get();
      } finally {
        raw.close();
      }
    };
    expect(threshold()).toBe(defaultStoreSettings.lowStockThreshold);
    await db.repos.settings.save(makeSettings({ lowStockThreshold: 12 }));
    await db.close();
    handles.splice(0);
    expect(migrateSqlite(db.file)).toEqual([]);
    const reapplied = rewindTo(db.file, 22);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    expect(threshold()).toBe(12);
  });

  it("023 upgrades a database that already ran its schema as the withdrawn 020, keeping the version it had reached", async () => {
    const db = open();
    await db.repos.products.create(makeProduct());
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 22);
    const raw = new Database(db.file);
    raw.function("default_low_stock_threshold", () => defaultStoreSettings.lowStockThreshold);
    try {
      // What a development database upgraded between the perf merge and its revert holds: 020 recorded, this schema in place, moved on to 7.
      raw.exec(`${catalogVersion} INSERT INTO schema_migrations (version, name, applied_at) VALUES (20, 'catalog-version', 0); UPDATE catalog_version SET version = 7;`);
    } finally {
      raw.close();
    }
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(path.dirname(db.file));
    expect(reopened.catalogVersion.current()).toBe(7);
    await reopened.repos.products.update("prod-1", { name: "Renamed", updatedAt: new Date() });
    expect(reopened.catalogVersion.current()).toBeGreaterThan(7);
  });

  it("024 counts the orders stored before it by status, and keeps counting after", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.orders.create(makeOrder({ id: "o1", number: "BB-1", status: "confirmed" }));
    await db.repos.orders.create(makeOrder({ id: "o2", number: "BB-2", status: "confirmed" }));
    await db.repos.orders.create(makeOrder({ id: "o3", number: "BB-3", status: "cancelled" }));
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 23);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect(await reopened.repos.orders.countByStatus()).toMatchObject({ confirmed: 2, cancelled: 1, packed: 0 });
    const o1 = (await reopened.repos.orders.findById("o1"))!;
    expect(await reopened.repos.orders.save({ ...o1, status: "packed", version: o1.version + 1 }, o1.version)).toBe(true);
    expect(await reopened.repos.orders.countByStatus()).toMatchObject({ confirmed: 1, cancelled: 1, packed: 1 });
  });

  it("025 sums the best sellers stored before it by week, and the weeks follow every later rollup write", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct());
    const line = makePricingLine({ productId: "prod-1", variantId: "var-1", sku: "SKU-1", quantity: 2 });
    await db.rollups.rebuild("Asia/Kolkata", { daysPerBatch: 30 });
    // Sunday 12 Jan 2025 closes the week of Monday 6 Jan, Saturday 18 Jan is in the week of the 13th, Monday 20 Jan starts its own.
    for (const [id, placed] of [["w1", "2025-01-12T06:00:00Z"], ["w2", "2025-01-18T06:00:00Z"], ["w3", "2025-01-20T06:00:00Z"]] as const) {
      await db.repos.orders.create({ ...makeOrder({ id, number: `BB-${id}`, lines: [line] }), placedAt: new Date(placed) });
    }
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 24);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const weeks = () => {
      const raw = new Database(db.file, { readonly: true });
      try {
        return raw.prepare("SELECT week, units FROM sales_rollup_product_weeks WHERE units <> 0 ORDER BY week").all();
      } finally {
        raw.close();
      }
    };
    expect(weeks()).toEqual([{ week: "2025-01-06", units: 2 }, { week: "2025-01-13", units: 2 }, { week: "2025-01-20", units: 2 }]);
    const reopened = open(dataDir);
    const w2 = (await reopened.repos.orders.findById("w2"))!;
    expect(await reopened.repos.orders.save({ ...w2, status: "cancelled", version: w2.version + 1 }, w2.version)).toBe(true);
    expect(weeks()).toEqual([{ week: "2025-01-06", units: 2 }, { week: "2025-01-20", units: 2 }]);
    await reopened.rollups.rebuild("Asia/Kolkata", { daysPerBatch: 3 });
    expect(weeks()).toEqual([{ week: "2025-01-06", units: 2 }, { week: "2025-01-20", units: 2 }]);
  });

  it("021 stores what was written before it compact, and every record reads back as written with its amounts in the reports", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct());
    const paid = makeOrder({ status: "delivered", paymentMethod: "card", lines: [makePricingLine({ quantity: 2 })] });
    const refund = { id: "refund-1", amount: inr(10_000), destination: "card" as const, reason: "damaged", at: new Date("2026-11-20T10:00:00Z"), status: "succeeded" as const, settledAt: null };
    const order = { ...paid, payment: expectOk(recordRefund(paid.payment, refund), "test refund") };
    await db.repos.orders.create(order);
    const invoice = issuedInvoice(order, "INV/25-26/000001");
    await db.repos.taxDocuments.issue(invoice);
    await db.repos.audit.append(makeAudit());
    await db.repos.outbox.enqueue(makeOutbox());
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 19);
    const storedAs = () => {
      const raw = new Database(db.file, { readonly: true });
      try {
        return raw
          .prepare(
            `SELECT (SELECT typeof(details) FROM orders) AS details, (SELECT typeof(document) FROM tax_documents) AS document,
                    (SELECT typeof(before) || typeof(after) FROM audit_log) AS audit, (SELECT typeof(notification) FROM outbox) AS notification`,
          )
          .get();
      } finally {
        raw.close();
      }
    };
    expect(storedAs()).toEqual({ details: "text", document: "text", audit: "texttext", notification: "text" });
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    expect(storedAs()).toEqual({ details: "blob", document: "blob", audit: "blobblob", notification: "blob" });
    const reopened = open(dataDir);
    expect(await reopened.repos.orders.findById(order.id)).toEqual(order);
    expect(await reopened.repos.taxDocuments.listForOrder(order.id)).toEqual([invoice]);
    expect(await reopened.repos.outbox.find(makeOutbox().id)).toEqual(makeOutbox());
    const everything = { cursor: null, limit: 10, actorId: null, action: null, targetType: null, targetId: null, from: null, to: null };
    expect((await reopened.repos.audit.list(everything)).items).toEqual([makeAudit()]);
    const [customer] = await reopened.repos.orders.customerOrders([order.userId ?? ""]);
    expect(customer?.spent).toEqual([money(order.payment.captured.minor - 10_000, "INR")]);
  });

  it("022 keeps every audit entry, listed newest first as before, and top products count the lines of orders placed before it", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.products.create(makeProduct());
    const order = makeOrder({ lines: [makePricingLine({ quantity: 3 })] });
    await db.repos.orders.create(order);
    const admin = "5f0e8c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    const uuids = { id: "0b6c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4", actorId: admin, targetId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", requestId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f" };
    const entries = [makeAudit(), makeAudit({ id: "audit-2", at: new Date(makeAudit().at.getTime() + 1_000), actorId: "admin-2" }), makeAudit({ id: "audit-3", targetId: "order-9" }), makeAudit(uuids)];
    for (const entry of entries) await db.repos.audit.append(entry);
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 21);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    const everything = { cursor: null, limit: 1, actorId: null, action: null, targetType: null, targetId: null, from: null, to: null };
    const ids = async (filter: object) => (await allPages((page) => reopened.repos.audit.list({ ...everything, ...filter, ...page }), 1)).flat().map((entry) => entry.id);
    // Entries of the same millisecond list as they did before it (by id); new ones then follow in the order they are appended.
    expect(await ids({})).toEqual(["audit-2", "audit-3", "audit-1", uuids.id]);
    expect(await ids({ actorId: "admin-1" })).toEqual(["audit-3", "audit-1"]);
    expect((await reopened.repos.audit.list({ ...everything, actorId: admin })).items).toEqual([makeAudit(uuids)]);
    expect(await ids({ targetType: "order", targetId: "order-1" })).toEqual(["audit-2", "audit-1"]);
    expect(await reopened.repos.orders.topProducts({ from: order.placedAt, to: new Date(order.placedAt.getTime() + 1), currency: "INR", limit: 5 })).toEqual([
      { productId: "prod-1", name: "Cotton Kurta", quantity: 3, revenue: order.lines[0]!.total },
    ]);
  });

  it("009 leaves open only the top-ups stored before it that no transfer credits yet", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const record = (scope: "wallet_top_up" | "place_order", key: string, resultId: string) => ({
      userId: "user-1",
      scope,
      key,
      requestHash: "50000 INR",
      resultId,
      createdAt: new Date("2026-11-20T10:00:00Z"),
      openSince: null,
    });
    await db.repos.idempotency.claim(record("wallet_top_up", "paid", "pi_paid"));
    await db.repos.idempotency.claim(record("wallet_top_up", "lost", "pi_lost"));
    await db.repos.idempotency.claim(record("place_order", "order", "order-1"));
    await db.repos.ledger.append({ id: "topup:pi_paid", debit: "platform:card_clearing", credit: "wallet:user-1", amount: inr(50_000), kind: "top_up", reference: "pi_paid", memo: null, createdAt: new Date("2026-11-20T10:01:00Z") });
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 8);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect((await reopened.repos.idempotency.findOpen("wallet_top_up", new Date("2026-11-21T00:00:00Z"), 10)).map((r) => r.key)).toEqual(["lost"]);
    expect(await reopened.repos.idempotency.findOpen("place_order", new Date("2026-11-21T00:00:00Z"), 10)).toEqual([]);
  });

  it("010 gives existing categories positions among their siblings in name order, live and without description or picture", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 9);
    const raw = new Database(db.file);
    const insert = raw.prepare("INSERT INTO categories (id, slug, name, parent_id) VALUES (?, ?, ?, ?)");
    for (const [id, name, parent] of [["c", "sarees", null], ["a", "Kurtas", null], ["b", "jewellery", null], ["k2", "Tunics", "a"], ["k1", "Kurtis", "a"]] as const) {
      insert.run(id, id, name, parent);
    }
    raw.close();
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    const tree = await reopened.repos.categories.list();
    expect(tree.map((c) => [c.id, c.position])).toEqual([
      ["b", 0],
      ["k1", 0],
      ["a", 1],
      ["k2", 1],
      ["c", 2],
    ]);
    expect(tree.every((c) => c.description === "" && c.image === null && c.archivedAt === null)).toBe(true);
  });

  it("011 gives coupons stored before it version 1 and no description, so they can be edited", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.coupons.create(makeCoupon({ usageLimit: 5 }));
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 10);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    expect(await reopened.repos.coupons.findByCode("WELCOME10")).toMatchObject({ description: null, version: 1, usageLimit: 5 });
    expect(await reopened.repos.coupons.update("WELCOME10", { description: "Edited" }, 1)).toMatchObject({ description: "Edited", version: 2 });
  });

  it("012 gives the users saved before it their search keys, split as the repository splits them", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.repos.users.create(makeUser({ id: "asha", email: "Asha@Example.com", name: "Asha Ramírez", phone: "+91 98765 43210" }));
    await db.close();
    handles.splice(0);
    const reapplied = rewindTo(db.file, 11);
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    const found = async (search: string) => (await reopened.repos.users.list({ cursor: null, limit: 5, search, role: null })).items.map((user) => user.id);
    expect(await found("asha@ex")).toEqual(["asha"]);
    expect(await found("ramirez")).toEqual(["asha"]);
    expect(await found("+91 98765")).toEqual(["asha"]);
  });

  it("013 turns the whole-order return of an order saved before it into a return of every unit, in the stage its status says", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    const received = makeOrder({ id: "received", status: "return_received", lines: [makePricingLine({ quantity: 2 }), makePricingLine({ variantId: "var-2", sku: "S-2" })] });
    const rejected = makeOrder({ id: "rejected", status: "return_rejected" });
    const shipped = makeOrder({ id: "shipped", status: "shipped" });
    for (const order of [received, rejected, shipped]) await db.repos.orders.create(order);
    await db.close();
    handles.splice(0);
    // Back to version 12 (details as JSON text again): returns were whole-order fields.
    const reapplied = rewindTo(db.file, 12);
    const raw = new Database(db.file);
    raw.exec(`UPDATE orders SET details = json_set(json_remove(details, '$.returns'), '$.returnReason', 'too small', '$.restocked', json(CASE id WHEN 'received' THEN 'true' ELSE 'null' END))`);
    raw.close();
    expect(migrateSqlite(db.file)).toEqual(reapplied);
    const reopened = open(dataDir);
    const asked = received.history.find((entry) => entry.kind === "status" && entry.event === "request_return")!.at;
    const legacy = (status: string, approved: boolean, restocked: boolean | null, lines: { variantId: string; quantity: number }[]) => [
      {
        id: "R1",
        status,
        reason: "other",
        note: "too small",
        requestedAt: asked,
        lines: lines.map((line) => ({ ...line, approved, amount: null, tax: null })),
        delivery: null,
        amount: null,
        overrideReason: null,
        destination: null,
        refundId: null,
        restocked,
      },
    ];
    const after = await reopened.repos.orders.findById("received");
    expect(after?.returns).toEqual(legacy("received", true, true, [{ variantId: "var-1", quantity: 2 }, { variantId: "var-2", quantity: 1 }]));
    expect(after && "returnReason" in after).toBe(false);
    expect((await reopened.repos.orders.findById("rejected"))?.returns).toEqual(legacy("rejected", false, null, [{ variantId: "var-1", quantity: 1 }]));
    expect((await reopened.repos.orders.findById("shipped"))?.returns).toEqual([]);
    // Applying it again (a second process, on the schema it was written for) changes nothing: only orders without returns are touched.
    await reopened.close();
    handles.splice(0);
    rewindTo(db.file, 13);
    const again = new Database(db.file);
    again.exec(migrations.find((m) => m.version === 13)!.sql);
    again.close();
    migrateSqlite(db.file);
    expect((await open(dataDir).repos.orders.findById("received"))?.returns).toEqual(after?.returns);
  });

  it("refuse a database written by a newer build", async () => {
    const dataDir = tempDir();
    const db = open(dataDir);
    await db.close();
    handles.splice(0);
    const raw = new Database(db.file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    raw.close();
    expect(() => openSqlite({ dataDir })).toThrow(/newer than this build/);
  });
});

describe("backupSqlite", () => {
  it("copies a live database consistently; the copy opens with its data; an existing destination is refused", async () => {
    const db = open();
    await db.repos.products.create(makeProduct());
    const destination = path.join(tempDir(), "backups", "bbscart-backup.db");
    expect(backupSqlite(db.file, destination)).toBe(destination);
    expect(() => backupSqlite(db.file, destination)).toThrow(/already exists/);

    // restore: the backup copied over bbscart.db of a stopped instance
    const restoredDir = tempDir();
    fs.mkdirSync(restoredDir, { recursive: true });
    fs.copyFileSync(destination, path.join(restoredDir, sqliteFileName));
    const restored = open(restoredDir);
    expect(await restored.repos.products.findById("prod-1")).toEqual(makeProduct());
    expect((await restored.repos.products.search({ cursor: null, limit: 5, search: "kurta", categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "relevance", includeInactive: false })).items).toHaveLength(1);
  });
});

describe("the write lock", () => {
  it("keeps a unit of work alone on the write connection across awaits, while reads see only committed data", async () => {
    const db = open();
    await db.repos.products.create(makeProduct());
    const events: string[] = [];
    const transaction = db.uow.run(async (repos) => {
      await repos.inventory.reserveIfAvailable("var-1", 4);
      await tick();
      events.push("transaction still open");
      await tick();
      return "committed";
    });
    await tick();
    const reading = db.repos.inventory.level("var-1").then((level) => {
      events.push(`read ${level?.reserved}`);
    });
    const writing = db.repos.inventory.reserveIfAvailable("var-1", 1).then(() => {
      events.push("direct write applied");
    });
    await Promise.all([transaction, reading, writing]);
    expect(events).toEqual(["read 0", "transaction still open", "direct write applied"]);
    expect(await db.repos.inventory.level("var-1")).toEqual({ onHand: 10, reserved: 5 });
  });

  it("turns a self-deadlock into an error: the handle's own writes or a nested unit of work inside a unit of work", async () => {
    const db = open();
    await db.repos.products.create(makeProduct());
    await expect(db.uow.run(() => db.repos.inventory.restock("var-1", 1))).rejects.toThrow(/inside a unit of work/);
    await expect(db.uow.run(() => db.uow.run(() => Promise.resolve(1)))).rejects.toThrow(/inside a unit of work/);
    expect(await db.repos.inventory.level("var-1")).toEqual({ onHand: 10, reserved: 0 });
  });

  it("refuses repositories kept past the end of their unit of work", async () => {
    const db = open();
    await db.repos.products.create(makeProduct());
    const leaked = await db.uow.run((repos) => Promise.resolve(repos));
    await expect(leaked.inventory.restock("var-1", 1)).rejects.toThrow(/already finished/);
    expect(await db.repos.inventory.level("var-1")).toEqual({ onHand: 10, reserved: 0 });
  });
});

describe("vacuumSqlite", () => {
  it("gives the pages of pruned rows back to the disk, keeping every row that is left", async () => {
    const db = open();
    const body = "x".repeat(2_000);
    for (let i = 0; i < 2_000; i++) {
      await db.repos.outbox.enqueue({
        id: `m-${i}`,
        channel: "email",
        notification: { template: "password_reset", userId: "u", dedupeKey: `m-${i}`, data: { body } },
        status: i < 1_990 ? "sent" : "pending",
        attempts: 0,
        createdAt: new Date(0),
        sentAt: null,
        lastError: null,
        lastFailedAt: null,
      });
    }
    while ((await db.retention.prune("delivered_messages", new Date(1), 500)) > 0);

    const { before, after } = vacuumSqlite(db.file, 1_000);

    expect(before).toBeGreaterThan(4_000_000);
    expect(after).toBeLessThan(before / 10);
    expect((await db.repos.outbox.list({ cursor: null, limit: 50, status: null })).items).toHaveLength(10);
  });
});
