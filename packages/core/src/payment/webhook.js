/**
 * Where a provider's webhook event is in its processing: `received` at intake, `processing`
 * while a relay holds it, then `processed`, or `failed` to be retried.
 */
export const WEBHOOK_STATUSES = ["received", "processing", "processed", "failed"];
//# sourceMappingURL=webhook.js.map