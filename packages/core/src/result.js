/** Wraps a successful decision. */
export function ok(value) {
    return { ok: true, value };
}
/** Wraps a refusal; `error` is a plain value with a `code` the API maps to a 4xx. */
export function err(error) {
    return { ok: false, error };
}
/**
 * Unwraps a result whose failure the caller has already ruled out (for example the
 * currencies were checked first). Reaching the failure is a bug, so it throws.
 */
export function expectOk(result, context) {
    if (result.ok)
        return result.value;
    throw new Error(`${context}: unexpected ${JSON.stringify(result.error)}`);
}
//# sourceMappingURL=result.js.map