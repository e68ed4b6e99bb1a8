/**
 * Where a provider's webhook event is in its processing: `received` at intake, `processing`
 * while a relay holds it, then `processed`, or `failed` to be retried.
 */
export declare const WEBHOOK_STATUSES: readonly ["received", "processing", "processed", "failed"];
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];
//# sourceMappingURL=webhook.d.ts.map