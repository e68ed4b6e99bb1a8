import { type Result } from "../result.js";
/** Operations a client may safely retry with the same key. */
export type IdempotencyScope = "place_order" | "wallet_top_up" | "refund" | "wallet_adjustment";
/**
 * A key a user sent with a request, unique per (user, scope, key), remembering the request
 * it was used for and the id of what it produced (the order, the transfer…).
 */
export interface IdempotencyRecord {
    readonly userId: string;
    readonly scope: IdempotencyScope;
    readonly key: string;
    /** A stable fingerprint of the request body, computed by the caller. */
    readonly requestHash: string;
    readonly resultId: string;
    readonly createdAt: Date;
}
export type IdempotencyError = {
    readonly code: "IDEMPOTENCY_KEY_REUSED";
    readonly key: string;
};
/**
 * A repeated key returns the first result (a double submit makes one order); the same key
 * with a different request is refused rather than silently answered with the wrong result.
 */
export declare function replayOf(record: IdempotencyRecord, requestHash: string): Result<string, IdempotencyError>;
//# sourceMappingURL=idempotency.d.ts.map