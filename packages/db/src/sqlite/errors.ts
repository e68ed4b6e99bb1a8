import { DuplicateKeyError, type UniqueKey } from "@bbscart/core";
import Database from "better-sqlite3";

/** SQLite names a broken unique index by its columns ("table.col, table.col"); each maps to one port key. */
const uniqueKeys: Readonly<Record<string, UniqueKey>> = {
  "users.email": "users.email",
  "sessions.token_hash": "sessions.token_hash",
  "password_resets.token_hash": "password_resets.token_hash",
  "categories.slug": "categories.slug",
  "products.slug": "products.slug",
  "variants.sku": "variants.sku",
  "coupons.code": "coupons.code",
  "orders.id": "orders.id",
  "idempotency_keys.user_id, idempotency_keys.scope, idempotency_keys.key": "idempotency_keys.user_scope_key",
  "ledger_transfers.id": "ledger_transfers.id",
  "webhook_events.id": "webhook_events.id",
  "outbox.id": "outbox.dedupe_key",
};

const UNIQUE_PREFIX = "UNIQUE constraint failed: ";

/**
 * Turns a unique violation on a declared key into `DuplicateKeyError`; anything else (a
 * duplicate surrogate id is a bug) is rethrown unchanged.
 */
export function translateError(error: unknown): unknown {
  if (
    error instanceof Database.SqliteError &&
    (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY") &&
    error.message.startsWith(UNIQUE_PREFIX)
  ) {
    const key = uniqueKeys[error.message.slice(UNIQUE_PREFIX.length)];
    if (key) return new DuplicateKeyError(key);
  }
  return error;
}
