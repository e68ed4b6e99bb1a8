/**
 * The payment provider could not be reached (network, or the store it keeps its state in is
 * down). Nothing we know of was decided on its side; the caller may try again — every call
 * carries its idempotency key. Answered 503 with `Retry-After`, never as a bug.
 */
export class PaymentProviderUnavailableError extends Error {
    name = "PaymentProviderUnavailableError";
}
/** A webhook whose signature did not verify: answered 400, never processed. */
export class WebhookSignatureError extends Error {
    name = "WebhookSignatureError";
}
//# sourceMappingURL=services.js.map