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
  "carts.user_id": "carts.owner",
  "carts.guest_id": "carts.owner",
  "orders.id": "orders.id",
  "orders.number": "orders.number",
  "idempotency_keys.user_id, idempotency_keys.scope, idempotency_keys.key": "idempotency_keys.user_scope_key",
  "ledger_transfers.id": "ledger_transfers.id",
  "webhook_events.id": "webhook_events.id",
  "outbox.id": "outbox.dedupe_key",
  "tax_documents.number": "tax_documents.number",
  "tax_documents.order_id": "tax_documents.order_invoice",
  "tax_documents.refund_id": "tax_documents.refund",
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

/** True for SQLITE_BUSY and its extended codes: another connection held the lock past `busy_timeout`. */
export function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code.startsWith("SQLITE_BUSY_"));
}

/** A unit of work gave up: other processes kept the database's write lock through every attempt. Nothing was committed. */
export class SqliteBusyError extends Error {
  override readonly name = "SqliteBusyError";
  constructor(attempts: number, cause: unknown) {
    super(`SQLite database is busy: another process held its write lock through ${attempts} attempts; nothing was committed`, { cause });
  }
}
