/**
 * Every unique index the adapters declare. An adapter that hits one raises
 * `DuplicateKeyError` with its name, never the driver's error, so services can tell a
 * double submit from a bug without knowing the engine.
 */
export type UniqueKey =
  | "users.email"
  | "sessions.token_hash"
  | "password_resets.token_hash"
  | "categories.slug"
  | "products.slug"
  | "variants.sku"
  | "coupons.code"
  | "carts.owner"
  | "orders.id"
  | "orders.number"
  | "idempotency_keys.user_scope_key"
  | "ledger_transfers.id"
  | "webhook_events.id"
  | "outbox.dedupe_key"
  | "tax_documents.number"
  | "tax_documents.order_invoice"
  | "tax_documents.refund";

/** A write broke a unique index; `key` says which. */
export class DuplicateKeyError extends Error {
  override readonly name = "DuplicateKeyError";
  constructor(readonly key: UniqueKey) {
    super(`duplicate key: ${key}`);
  }
}

/** True when `error` is a `DuplicateKeyError`, optionally for the given key. */
export function isDuplicateKey(error: unknown, key?: UniqueKey): error is DuplicateKeyError {
  return error instanceof DuplicateKeyError && (key === undefined || error.key === key);
}

/**
 * A page cursor that this listing did not issue: tampered with, truncated, or taken from
 * another listing or ordering. Adapters refuse it rather than misread it as a position, and
 * the API answers it as bad input.
 */
export class InvalidCursorError extends Error {
  override readonly name = "InvalidCursorError";
  constructor() {
    super("invalid page cursor");
  }
}
