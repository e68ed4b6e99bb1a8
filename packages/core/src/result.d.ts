/**
 * Expected failures are values, bugs throw. Every decision in core that can be refused
 * (out of stock, coupon expired, transition not allowed) returns a `Result`.
 */
export type Result<T, E> = {
    readonly ok: true;
    readonly value: T;
} | {
    readonly ok: false;
    readonly error: E;
};
/** Wraps a successful decision. */
export declare function ok<T>(value: T): Result<T, never>;
/** Wraps a refusal; `error` is a plain value with a `code` the API maps to a 4xx. */
export declare function err<E>(error: E): Result<never, E>;
/**
 * Unwraps a result whose failure the caller has already ruled out (for example the
 * currencies were checked first). Reaching the failure is a bug, so it throws.
 */
export declare function expectOk<T, E>(result: Result<T, E>, context: string): T;
//# sourceMappingURL=result.d.ts.map