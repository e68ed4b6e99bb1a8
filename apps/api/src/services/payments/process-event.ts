import type { Actor, PaymentEvent, Repositories } from "@bbscart/core";
import { type ProviderCallDeps, providerCalls } from "../orders/index.js";
import { AppError } from "../common/index.js";
import { orderPayments } from "./order-payments.js";
import { PaymentEventRejected } from "./rejected.js";
import { topUps } from "./top-ups.js";

export type PaymentEventDeps = ProviderCallDeps & {
  /** A claim older than this belongs to a worker that died mid-event; another may take the event over. */
  claimStaleMs: number;
};

const paymentsActor: Actor = { kind: "system", process: "payments" };

/**
 * Processes one stored webhook event, exactly once in effect. The claim (`received`/`failed`/stale
 * `processing` → `processing`) keeps two workers from working on it at once; the effect and the
 * processed mark commit in one unit of work, so an event delivered again, re-enqueued by the relay,
 * or retried after a crash never applies twice (and core's decisions are repeat-safe besides).
 * Returns "skipped" when there was nothing to do (already processed, or claimed by a live worker).
 * A failure is recorded on the event and rethrown: `PaymentEventRejected` is final, anything else
 * is retried by the queue with backoff.
 */
export async function processPaymentEvent(deps: PaymentEventDeps, eventId: string): Promise<"processed" | "skipped"> {
  const { db, clock } = deps;
  const now = clock.now();
  if (!(await db.repos.webhooks.claimForProcessing(eventId, now, new Date(now.getTime() - deps.claimStaleMs)))) return "skipped";
  try {
    const stored = await db.repos.webhooks.find(eventId);
    if (!stored) throw new Error(`webhook event ${eventId} vanished after its claim`);
    const event = deps.provider.decodeStoredEvent(stored.payload, stored.id);
    await apply(deps, event, (repos) => repos.webhooks.markProcessed(eventId, clock.now()));
    return "processed";
  } catch (error) {
    await db.repos.webhooks.markFailed(eventId, error instanceof Error ? error.message : String(error), clock.now());
    throw error;
  }
}

/** Applies the event; `markProcessed` commits with the effect, or alone when the event changed nothing. */
async function apply(deps: PaymentEventDeps, event: PaymentEvent, markProcessed: (repos: Repositories) => Promise<void>): Promise<void> {
  const alone = () => markProcessed(deps.db.repos);
  const orders = orderPayments(deps, paymentsActor);
  const onSaved = (repos: Repositories) => markProcessed(repos);
  const finish = async (outcome: Promise<{ saved: boolean }>) => {
    if (!(await outcome).saved) await alone();
  };
  switch (event.type) {
    case "ignored":
      return alone();
    case "payment_succeeded":
      if (event.purpose?.kind === "top_up") {
        await topUps(deps).credit(event.intentId, event.purpose, event.amount, markProcessed);
        return;
      }
      return finish(orders.succeeded(event, event.amount, onSaved));
    case "payment_failed":
      // A declined top-up leaves nothing to undo: the wallet is credited only on success.
      if (event.purpose?.kind === "top_up") return alone();
      return finish(orders.failed(event, event.reason, onSaved));
    case "payment_canceled":
      if (event.purpose?.kind === "top_up") return alone();
      return finish(orders.canceled(event, onSaved));
    case "refund_succeeded": {
      const order = await deps.db.repos.orders.findByPaymentIntent(event.intentId);
      if (!order) throw new PaymentEventRejected(`no order is paid through intent ${event.intentId}`);
      const settled = await providerCalls(deps)
        .settle(order.id, event.refundId, (repos) => markProcessed(repos))
        .catch((error: unknown) => {
          if (error instanceof AppError) throw new PaymentEventRejected(`refund ${event.refundId} of order ${order.id}: ${error.message}`);
          throw error;
        });
      if (!settled.saved) await alone();
      return;
    }
    case "refund_failed":
      // The provider gave up on a refund it had accepted: money we booked as returned was not. Core
      // has no way back from a settled refund, so the event stays failed, in the operators' view.
      throw new PaymentEventRejected(`refund ${event.refundId} of intent ${event.intentId} failed at the provider: ${event.reason}`);
  }
}
