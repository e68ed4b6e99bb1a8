import type { WebhookEvent, WebhookEventRepository, WebhookStatus } from "@bbscart/core";
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from "../codec.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";

interface WebhookRow {
  id: string;
  provider: string;
  type: string;
  payload: string;
  received_at: number;
  status: WebhookStatus;
  attempts: number;
  last_error: string | null;
  processed_at: number | null;
}

const toEvent = (row: WebhookRow): WebhookEvent => ({
  id: row.id,
  provider: row.provider,
  type: row.type,
  payload: row.payload,
  receivedAt: fromMs(row.received_at),
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  processedAt: fromMsOrNull(row.processed_at),
});

export function sqliteWebhooks(ex: Executor): WebhookEventRepository {
  return {
    insert: (event) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO webhook_events (id, provider, type, payload, received_at, status, attempts, last_error, processed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          event.id,
          event.provider,
          event.type,
          event.payload,
          toMs(event.receivedAt),
          event.status,
          event.attempts,
          event.lastError,
          toMsOrNull(event.processedAt),
        );
      }),
    find: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM webhook_events WHERE id = ?").get(id) as WebhookRow | undefined;
        return row ? toEvent(row) : null;
      }),
    claimForProcessing: (id) =>
      ex.write(
        (c) =>
          c.prepare("UPDATE webhook_events SET status = 'processing', attempts = attempts + 1 WHERE id = ? AND status IN ('received', 'failed')").run(id)
            .changes === 1,
      ),
    markProcessed: async (id, at) => {
      await ex.write((c) => c.prepare("UPDATE webhook_events SET status = 'processed', processed_at = ?, last_error = NULL WHERE id = ?").run(toMs(at), id));
    },
    // The event type has no failure time; `at` is accepted for the port and not stored.
    markFailed: async (id, error) => {
      await ex.write((c) => c.prepare("UPDATE webhook_events SET status = 'failed', last_error = ? WHERE id = ?").run(error, id));
    },
    list: (query) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "webhook_events",
          where: query.status ? [["status = ?", query.status]] : [],
          keys: ["received_at", "id"],
          direction: "DESC",
          sort: "webhooks",
          page: query,
          map: toEvent,
        }),
      ),
  };
}
