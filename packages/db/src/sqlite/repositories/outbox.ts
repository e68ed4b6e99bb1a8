import type { Channel, Notification, OutboxMessage, OutboxRepository } from "@bbscart/core";
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from "../codec.js";
import { packJson, unpackJson } from "../compact.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";

interface OutboxRow {
  id: string;
  channel: Channel;
  notification: Buffer;
  status: OutboxMessage["status"];
  attempts: number;
  created_at: number;
  sent_at: number | null;
  last_error: string | null;
  last_failed_at: number | null;
}

const toMessage = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  channel: row.channel,
  notification: unpackJson<Notification>(row.notification),
  status: row.status,
  attempts: row.attempts,
  createdAt: fromMs(row.created_at),
  sentAt: fromMsOrNull(row.sent_at),
  lastError: row.last_error,
  lastFailedAt: fromMsOrNull(row.last_failed_at),
});

/**
 * A notification's compact form while the notification object lives: the rows of its channels
 * (email and SMS) carry the same notification, so it is deflated once, not once per row.
 * Notifications are immutable values, so the bytes cannot go stale.
 */
const packed = new WeakMap<Notification, Buffer>();
function packedNotification(notification: Notification): Buffer {
  let blob = packed.get(notification);
  if (!blob) {
    blob = packJson(notification);
    packed.set(notification, blob);
  }
  return blob;
}

export function sqliteOutbox(ex: Executor): OutboxRepository {
  return {
    // DO NOTHING rather than a unique error: a retried decision re-enqueues the same ids.
    enqueue: (message) =>
      ex.writeStatement(
        (c) =>
          c
            .prepare(
              `INSERT INTO outbox (id, channel, notification, status, attempts, created_at, sent_at, last_error, last_failed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
            )
            .run(
              message.id,
              message.channel,
              packedNotification(message.notification),
              message.status,
              message.attempts,
              toMs(message.createdAt),
              toMsOrNull(message.sentAt),
              message.lastError,
              toMsOrNull(message.lastFailedAt),
            ).changes === 1,
      ),
    find: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM outbox WHERE id = ?").get(id) as OutboxRow | undefined;
        return row ? toMessage(row) : null;
      }),
    markSent: async (id, at) => {
      await ex.write((c) => c.prepare("UPDATE outbox SET status = 'sent', sent_at = ? WHERE id = ?").run(toMs(at), id));
    },
    markFailed: async (id, error, at) => {
      await ex.write((c) =>
        c.prepare("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, last_failed_at = ? WHERE id = ?").run(error, toMs(at), id),
      );
    },
    markDiscarded: (id) => ex.write((c) => c.prepare("UPDATE outbox SET status = 'discarded' WHERE id = ? AND status = 'failed'").run(id).changes === 1),
    list: (query) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "outbox",
          where: query.status ? [["status = ?", query.status]] : [],
          keys: ["created_at", "id"],
          direction: "DESC",
          sort: "outbox",
          page: query,
          map: toMessage,
        }),
      ),
  };
}
