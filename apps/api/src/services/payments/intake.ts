import { isDuplicateKey, type PaymentEvent, type WebhookEvent, type WebhookHeaders } from "@bbscart/core";
import type { CommerceDeps } from "../common/index.js";

export type PaymentIntakeDeps = Pick<CommerceDeps, "db" | "clock" | "log" | "provider" | "jobs">;

/** How an event's type is kept: ours for events we act on, the provider's for those we ignore. */
const storedType = (event: PaymentEvent) => (event.type === "ignored" ? event.providerType : event.type);

/**
 * Exactly-once intake of provider webhooks. The event is verified (`parseWebhook` throws
 * `WebhookSignatureError`), then stored under its unique id — a duplicate delivery stops there —
 * and handed to the `payments` queue. Once stored it is never lost: if enqueueing fails (Redis
 * away), the relay finds the stored event and enqueues it later; the provider still gets its 2xx.
 * Events we do not act on are stored as processed, so the health view shows them and nothing waits.
 */
export function paymentIntake(deps: PaymentIntakeDeps) {
  return {
    async receive(rawBody: Buffer, headers: WebhookHeaders): Promise<"accepted" | "duplicate"> {
      const event = deps.provider.parseWebhook(rawBody, headers);
      const now = deps.clock.now();
      const ignored = event.type === "ignored";
      const record: WebhookEvent = {
        id: event.eventId,
        provider: deps.provider.name,
        type: storedType(event),
        payload: rawBody.toString("utf8"),
        receivedAt: now,
        status: ignored ? "processed" : "received",
        attempts: 0,
        claimedAt: null,
        lastError: null,
        lastFailedAt: null,
        processedAt: ignored ? now : null,
      };
      try {
        await deps.db.repos.webhooks.insert(record);
      } catch (error) {
        if (isDuplicateKey(error, "webhook_events.id")) return "duplicate";
        throw error;
      }
      if (!ignored) {
        await deps.jobs.enqueuePaymentEvent(event.eventId).catch((error: unknown) => {
          deps.log.warn({ err: error, eventId: event.eventId }, "payment event stored but not enqueued; the relay will enqueue it");
        });
      }
      return "accepted";
    },
  };
}

export type PaymentIntake = ReturnType<typeof paymentIntake>;
