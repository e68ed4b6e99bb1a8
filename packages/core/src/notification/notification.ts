import type { GuestContact } from "../account/guest.js";

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
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * A message to send, decided by core and written to the outbox in the same transaction as
 * the change it announces. `dedupeKey` is derived from what happened (order id + event), so
 * a retried decision produces the same key and the message is sent once.
 */
export interface Notification {
  readonly template: NotificationTemplate;
  /** Null for a guest's order: the message goes to `guest` instead of an account's addresses. */
  readonly userId: string | null;
  readonly guest?: GuestContact;
  readonly dedupeKey: string;
  readonly data: Readonly<Record<string, string>>;
}

/** Every notification goes out on each channel; delivery skips SMS for a user with no phone. */
export const CHANNELS = ["email", "sms"] as const;
export type Channel = (typeof CHANNELS)[number];

/** `discarded`: an admin gave up on a failed message; nothing revives it. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed", "discarded"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One notification on one channel, as queued in the outbox and retried by the worker. */
export interface OutboxMessage {
  /** `${dedupeKey}:${channel}`: the same decision always yields the same message id. */
  readonly id: string;
  readonly channel: Channel;
  readonly notification: Notification;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly lastError: string | null;
  /** When the last delivery attempt failed; null until one does. */
  readonly lastFailedAt: Date | null;
}

/**
 * The outbox rows for a notification, one per channel. Ids are derived from the dedupe key,
 * so enqueueing the same notification twice (a retried transaction) adds nothing, and a
 * resend after a crash carries the same message id.
 */
export function outboxMessagesFor(notification: Notification, channels: readonly Channel[], now: Date): OutboxMessage[] {
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

/** How failed messages are brought back when their queue job is gone. */
export interface RevivalPolicy {
  /** The first retry's delay; each failure doubles it, as the queue's own backoff does. */
  readonly backoffMs: number;
  /** The shortest wait after a failure: room for the queue's own retry to start, however late its scheduler runs. */
  readonly minDelayMs: number;
  /** The longest wait between two revivals. */
  readonly maxDelayMs: number;
  /** After this many failed attempts in all, a message waits for an admin. */
  readonly maxAttempts: number;
}

/**
 * Whether a failed message is due to be queued again. Its wait, `backoffMs × 2^attempts` (at least
 * `minDelayMs`, at most `maxDelayMs`), is always longer than the wait before its live queue job's
 * next retry (`backoffMs × 2^(tries − 1)`, with tries ≤ attempts), so a message is revived only once
 * its job has run out of retries or was lost (Redis restarted without its data) — not beside a job
 * that is still retrying.
 */
export function revivalDue(message: OutboxMessage, now: Date, policy: RevivalPolicy): boolean {
  if (message.status !== "failed" || message.attempts >= policy.maxAttempts) return false;
  const failedAt = message.lastFailedAt ?? message.createdAt;
  const wait = Math.min(Math.max(policy.backoffMs * 2 ** Math.min(message.attempts, 40), policy.minDelayMs), policy.maxDelayMs);
  return now.getTime() - failedAt.getTime() >= wait;
}
