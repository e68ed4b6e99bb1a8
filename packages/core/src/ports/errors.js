/** A write broke a unique index; `key` says which. */
export class DuplicateKeyError extends Error {
    key;
    name = "DuplicateKeyError";
    constructor(key) {
        super(`duplicate key: ${key}`);
        this.key = key;
    }
}
/** True when `error` is a `DuplicateKeyError`, optionally for the given key. */
export function isDuplicateKey(error, key) {
    return error instanceof DuplicateKeyError && (key === undefined || error.key === key);
}
/**
 * A page cursor that this listing did not issue: tampered with, truncated, or taken from
 * another listing or ordering. Adapters refuse it rather than misread it as a position, and
 * the API answers it as bad input.
 */
export class InvalidCursorError extends Error {
    name = "InvalidCursorError";
    constructor() {
        super("invalid page cursor");
    }
}
//# sourceMappingURL=errors.js.map