/** Messages the shop sends; each has an email and an SMS template in the worker. */
export const NOTIFICATION_TEMPLATES = [
    "order_placed",
    "order_confirmed",
    "order_shipped",
    "order_delivered",
    "order_cancelled",
    "payment_failed",
    "return_requested",
    "return_approved",
    "return_rejected",
    "refund_issued",
    "wallet_credited",
    "wallet_debited",
    "password_reset",
];
/** Every notification goes out on each channel; delivery skips SMS for a user with no phone. */
export const CHANNELS = ["email", "sms"];
/** `discarded`: an admin gave up on a failed message; nothing revives it. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed", "discarded"];
/**
 * The outbox rows for a notification, one per channel. Ids are derived from the dedupe key,
 * so enqueueing the same notification twice (a retried transaction) adds nothing, and a
 * resend after a crash carries the same message id.
 */
export function outboxMessagesFor(notification, channels, now) {
    return channels.map((channel) => ({
        id: `${notification.dedupeKey}:${channel}`,
        channel,
        notification,
        status: "pending",
        attempts: 0,
        createdAt: now,
        sentAt: null,
        lastError: null,
        lastFailedAt: null,
    }));
}
/**
 * Whether a failed message is due to be queued again. Its wait, `backoffMs × 2^attempts` (at least
 * `minDelayMs`, at most `maxDelayMs`), is always longer than the wait before its live queue job's
 * next retry (`backoffMs × 2^(tries − 1)`, with tries ≤ attempts), so a message is revived only once
 * its job has run out of retries or was lost (Redis restarted without its data) — not beside a job
 * that is still retrying.
 */
export function revivalDue(message, now, policy) {
    if (message.status !== "failed" || message.attempts >= policy.maxAttempts)
        return false;
    const failedAt = message.lastFailedAt ?? message.createdAt;
    const wait = Math.min(Math.max(policy.backoffMs * 2 ** Math.min(message.attempts, 40), policy.minDelayMs), policy.maxDelayMs);
    return now.getTime() - failedAt.getTime() >= wait;
}
//# sourceMappingURL=notification.js.map