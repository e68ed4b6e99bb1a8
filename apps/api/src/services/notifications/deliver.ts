import type { Channel, Clock, DatabaseHandle, Notification, Notifier } from "@bbscart/core";
import type { Logger } from "../../logger.js";
import { renderNotification } from "../../notifications/templates.js";

export interface NotificationDeps {
  db: DatabaseHandle;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** Adds what is derived at send time (the password-reset link) to a notification's data. */
  enrich: (notification: Notification) => Notification;
  /** Test-only crash points around the send; unset in production. */
  faults?: { beforeSend?: () => void; afterSend?: () => void };
}

/** A message no retry can deliver (its account is gone): the queue gives up on it at once. */
export class UndeliverableMessage extends Error {
  override name = "UndeliverableMessage";
}

export type DeliveryOutcome = "sent" | "already-sent" | "no-address" | "gone";

/**
 * Where a message goes on `channel`: a guest's order reaches the contact the guest gave (ADR 141),
 * anything else the account's address at send time. Null: the account has no phone.
 */
async function addressOf(deps: NotificationDeps, notification: Notification, channel: Channel): Promise<string | null> {
  if (notification.guest) return channel === "email" ? notification.guest.email : notification.guest.phone;
  const user = notification.userId === null ? null : await deps.db.repos.users.findById(notification.userId);
  // No retry brings a deleted account back.
  if (!user) throw new UndeliverableMessage(`no user ${String(notification.userId)}`);
  return channel === "email" ? user.email : user.phone;
}

/**
 * Delivers one outbox message, at most once per sent-marker: a message already marked sent is
 * skipped, so a retried or re-queued job does not resend. The one window that can repeat is between
 * the transport's acceptance and `markSent`; the repeat then carries the same Message-ID. A failed
 * attempt is recorded on the message (attempts, error) and rethrown for the queue's backoff.
 */
export async function deliverOutboxMessage(deps: NotificationDeps, outboxId: string): Promise<DeliveryOutcome> {
  const message = await deps.db.repos.outbox.find(outboxId);
  if (!message) return "gone";
  if (message.status === "sent") return "already-sent";
  try {
    const to = await addressOf(deps, message.notification, message.channel);
    if (!to) {
      // No phone number: there is nothing to send on this channel, which is not a failure.
      await deps.db.repos.outbox.markSent(outboxId, deps.clock.now());
      return "no-address";
    }
    const content = renderNotification(deps.enrich(message.notification), message.channel);
    deps.faults?.beforeSend?.();
    await deps.notifier.send({ channel: message.channel, to, ...content, messageId: message.id });
    deps.faults?.afterSend?.();
    await deps.db.repos.outbox.markSent(outboxId, deps.clock.now());
    return "sent";
  } catch (error) {
    await deps.db.repos.outbox.markFailed(outboxId, (error as Error).message, deps.clock.now());
    throw error;
  }
}
