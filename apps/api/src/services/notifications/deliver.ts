import type { Channel, Clock, DatabaseHandle, Notification, Notifier } from "@bbscart/core";
import type { Logger } from "../../logger.js";
import { emailOrderOf } from "../../notifications/email/order.js";
import { renderNotification } from "../../notifications/email/render-on-demand.js";

export interface NotificationDeps {
  db: DatabaseHandle;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** Adds what is derived at send time (the password-reset link) to a notification's data. */
  enrich: (notification: Notification) => Notification;
  /** The shop's address as shoppers see it: links in messages point there. */
  publicUrl: string;
  /** Test-only crash points around the send; unset in production. */
  faults?: { beforeSend?: () => void; afterSend?: () => void };
}

/**
 * The order an order message is about, read when it is sent: its lines and totals do not change
 * after placement, and a message rendered from the order itself shows what its page shows.
 */
async function orderOf(deps: NotificationDeps, notification: Notification) {
  const orderId = notification.data.orderId;
  const order = orderId ? await deps.db.repos.orders.findById(orderId) : null;
  return order ? emailOrderOf(order, deps.publicUrl) : null;
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
    const content = await renderNotification(deps.enrich(message.notification), message.channel, {
      order: message.channel === "email" ? await orderOf(deps, message.notification) : null,
      shopUrl: deps.publicUrl,
    });
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
