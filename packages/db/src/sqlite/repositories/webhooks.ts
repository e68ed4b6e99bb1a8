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
  claimed_at: number | null;
  last_error: string | null;
  last_failed_at: number | null;
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
  claimedAt: fromMsOrNull(row.claimed_at),
  lastError: row.last_error,
  lastFailedAt: fromMsOrNull(row.last_failed_at),
  processedAt: fromMsOrNull(row.processed_at),
});

export function sqliteWebhooks(ex: Executor): WebhookEventRepository {
  return {
    insert: (event) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO webhook_events (id, provider, type, payload, received_at, status, attempts, claimed_at, last_error, last_failed_at, processed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          event.id,
          event.provider,
          event.type,
          event.payload,
          toMs(event.receivedAt),
          event.status,
          event.attempts,
          toMsOrNull(event.claimedAt),
          event.lastError,
          toMsOrNull(event.lastFailedAt),
          toMsOrNull(event.processedAt),
        );
      }),
    find: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM webhook_events WHERE id = ?").get(id) as WebhookRow | undefined;
        return row ? toEvent(row) : null;
      }),
    // Of two workers picking up the same event, only one matches; a claim older than
    // `staleBefore` belongs to a worker presumed dead, so the event can be taken back.
    claimForProcessing: (id, at, staleBefore) =>
      ex.write(
        (c) =>
          c
            .prepare(
              `UPDATE webhook_events SET status = 'processing', claimed_at = ?, attempts = attempts + 1
               WHERE id = ? AND (status IN ('received', 'failed') OR (status = 'processing' AND claimed_at < ?))`,
            )
            .run(toMs(at), id, toMs(staleBefore)).changes === 1,
      ),
    markProcessed: async (id, at) => {
      await ex.write((c) => c.prepare("UPDATE webhook_events SET status = 'processed', processed_at = ?, last_error = NULL WHERE id = ?").run(toMs(at), id));
    },
    markFailed: async (id, error, at) => {
      await ex.write((c) => c.prepare("UPDATE webhook_events SET status = 'failed', last_error = ?, last_failed_at = ? WHERE id = ?").run(error, toMs(at), id));
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
