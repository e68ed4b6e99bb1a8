import { defaultStoreSettings, deletionKeys, type Address } from "@bbscart/core";
import type Database from "better-sqlite3";
import { initialSchema } from "./001-initial.js";
import { failureTimes } from "./002-failure-times.js";
import { orderReports } from "./003-order-reports.js";
import { categorySorts } from "./004-category-sorts.js";
import { pendingRefunds } from "./005-pending-refunds.js";
import { oneCartPerOwner } from "./006-one-cart-per-owner.js";
import { orderNumbers } from "./007-order-numbers.js";
import { retentionIndexes } from "./008-retention-indexes.js";
import { openTopUps } from "./009-open-top-ups.js";
import { categoryTree } from "./010-category-tree.js";
import { couponEdits } from "./011-coupon-edits.js";
import { userSearchKeys } from "./012-user-search-keys.js";
import { returnsByLine } from "./013-returns-by-line.js";
import { addressStateCodes } from "./014-address-state-codes.js";
import { searchVocabulary } from "./015-search-vocabulary.js";
import { guestOrders } from "./016-guest-orders.js";
import { salesRollups } from "./017-sales-rollups.js";
import { gstDocuments } from "./018-gst-documents.js";
import { imageAlts } from "./019-image-alts.js";
import { compactRecords } from "./021-compact-records.js";
import { leanIndexes } from "./022-lean-indexes.js";
import { catalogVersion } from "./023-catalog-version.js";
import { orderStatusCounts } from "./024-order-status-counts.js";
import { productRollupWeeks } from "./025-product-rollup-weeks.js";
import { packJson } from "../compact.js";
import { decodeJson, idToSql } from "../codec.js";
import { addressesWithStateCodes } from "../../address-states.js";
import { userSearchKeys as keysOf } from "../../user-search.js";
import { productVocabulary } from "../../search-words.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Append only: a released migration is never edited; changes come as the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "initial", sql: initialSchema },
  { version: 2, name: "failure-times", sql: failureTimes },
  { version: 3, name: "order-reports", sql: orderReports },
  { version: 4, name: "category-sorts", sql: categorySorts },
  { version: 5, name: "pending-refunds", sql: pendingRefunds },
  { version: 6, name: "one-cart-per-owner", sql: oneCartPerOwner },
  { version: 7, name: "order-numbers", sql: orderNumbers },
  { version: 8, name: "retention-indexes", sql: retentionIndexes },
  { version: 9, name: "open-top-ups", sql: openTopUps },
  { version: 10, name: "category-tree", sql: categoryTree },
  { version: 11, name: "coupon-edits", sql: couponEdits },
  { version: 12, name: "user-search-keys", sql: userSearchKeys },
  { version: 13, name: "returns-by-line", sql: returnsByLine },
  { version: 14, name: "address-state-codes", sql: addressStateCodes },
  { version: 15, name: "search-vocabulary", sql: searchVocabulary },
  { version: 16, name: "guest-orders", sql: guestOrders },
  { version: 17, name: "sales-rollups", sql: salesRollups },
  { version: 18, name: "gst-documents", sql: gstDocuments },
  { version: 19, name: "image-alts", sql: imageAlts },
  { version: 21, name: "compact-records", sql: compactRecords },
  { version: 22, name: "lean-indexes", sql: leanIndexes },
  // 20 is unused: the catalog version was withdrawn before it landed and came back after 22, since a
  // database already at 21 would never run a late 20.
  { version: 23, name: "catalog-version", sql: catalogVersion },
  { version: 24, name: "order-status-counts", sql: orderStatusCounts },
  { version: 25, name: "product-rollup-weeks", sql: productRollupWeeks },
];

/**
 * Brings the schema up to date: each pending migration runs in one `BEGIN IMMEDIATE`
 * transaction with its `schema_migrations` row, so two processes starting together apply it
 * once (the second waits, then sees it recorded). A database newer than this code is refused
 * rather than written by a build that does not know its schema.
 */
export function migrate(db: Database.Database, now: () => number = Date.now): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied: number[] = [];
  const apply = db.transaction((migration: Migration) => {
    const current = (db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null }).v ?? 0;
    if (migration.version <= current) return;
    db.exec(migration.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, now());
    applied.push(migration.version);
  });
  // Migrations that derive data the way the repositories do call it through SQL functions.
  db.function("user_search_keys_json", { deterministic: true }, (email, name, phone) =>
    JSON.stringify(keysOf({ email: String(email), name: String(name), phone: phone === null ? null : String(phone) })),
  );
  db.function("vocabulary_words_json", { deterministic: true }, (name, category) => JSON.stringify(productVocabulary(String(name), String(category))));
  db.function("default_low_stock_threshold", { deterministic: true }, () => defaultStoreSettings.lowStockThreshold);
  db.function("deletion_keys_json", { deterministic: true }, (word) => JSON.stringify(deletionKeys(String(word))));
  db.function("address_state_codes_json", { deterministic: true }, (addresses) => {
    const next = addressesWithStateCodes(JSON.parse(String(addresses)) as Address[]);
    return next && JSON.stringify(next);
  });
  db.function("compact_json", { deterministic: true }, (text) => packJson(decodeJson(String(text))));
  db.function("compact_id", { deterministic: true }, (id) => (id === null ? null : idToSql(String(id))));
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const stored = (db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null }).v ?? 0;
  if (stored > known) {
    throw new Error(`database schema is at version ${stored}, newer than this build knows (${known}); upgrade the code first`);
  }
  for (const migration of migrations) apply.immediate(migration);
  return applied;
}
