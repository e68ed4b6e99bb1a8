import type { Clock, DatabaseHandle, Notification, Notifier } from "@bbscart/core";
import type { Logger } from "../logger.js";
import { renderNotification } from "./templates.js";

export interface DeliveryDeps {
  db: DatabaseHandle;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** Adds what only the server can compute (links with derived tokens) to a notification's data. */
  enrich: (notification: Notification) => Notification;
}

/**
 * Sends committed outbox messages and records the outcome. Already-sent messages are skipped, and
 * a failure is recorded on the message (for the failed-jobs view) instead of failing the caller,
 * whose change is already committed.
 */
export function outboxDelivery(deps: DeliveryDeps) {
  return async (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      const message = await deps.db.repos.outbox.find(id);
      if (!message || message.status === "sent") continue;
      try {
        const user = await deps.db.repos.users.findById(message.notification.userId);
        if (!user) throw new Error(`no user ${message.notification.userId}`);
        const to = message.channel === "email" ? user.email : user.phone;
        if (!to) {
          // No phone number: there is nothing to send on this channel, which is not a failure.
          await deps.db.repos.outbox.markSent(id, deps.clock.now());
          continue;
        }
        const content = renderNotification(deps.enrich(message.notification), message.channel);
        await deps.notifier.send({ channel: message.channel, to, ...content, messageId: message.id });
        await deps.db.repos.outbox.markSent(id, deps.clock.now());
      } catch (error) {
        deps.log.error({ err: error, outboxId: id }, "notification delivery failed");
        await deps.db.repos.outbox.markFailed(id, (error as Error).message, deps.clock.now());
      }
    }
  };
}
