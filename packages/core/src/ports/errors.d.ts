/**
 * Every unique index the adapters declare. An adapter that hits one raises
 * `DuplicateKeyError` with its name, never the driver's error, so services can tell a
 * double submit from a bug without knowing the engine.
 */
export type UniqueKey = "users.email" | "sessions.token_hash" | "password_resets.token_hash" | "categories.slug" | "products.slug" | "variants.sku" | "coupons.code" | "carts.owner" | "orders.id" | "orders.number" | "idempotency_keys.user_scope_key" | "ledger_transfers.id" | "webhook_events.id" | "outbox.dedupe_key";
/** A write broke a unique index; `key` says which. */
export declare class DuplicateKeyError extends Error {
    readonly key: UniqueKey;
    readonly name = "DuplicateKeyError";
    constructor(key: UniqueKey);
}
/** True when `error` is a `DuplicateKeyError`, optionally for the given key. */
export declare function isDuplicateKey(error: unknown, key?: UniqueKey): error is DuplicateKeyError;
/**
 * A page cursor that this listing did not issue: tampered with, truncated, or taken from
 * another listing or ordering. Adapters refuse it rather than misread it as a position, and
 * the API answers it as bad input.
 */
export declare class InvalidCursorError extends Error {
    readonly name = "InvalidCursorError";
    constructor();
}
//# sourceMappingURL=errors.d.ts.map