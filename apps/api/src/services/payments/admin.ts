import type { DatabaseHandle, WebhookEvent } from "@bbscart/core";
import type { reconciliationsInput, webhookEventsInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { reconciliationActorId } from "./reconcile.js";

/** An event as admins see it: its processing state without the raw body (which may carry customer data). */
function eventView(event: WebhookEvent) {
  const { payload: _payload, ...view } = event;
  return view;
}

/** What operators see of payments: webhook events with their processing state, and reconciliation's repairs. */
export function paymentsAdmin(db: DatabaseHandle) {
  return {
    async webhookEvents(input: z.output<typeof webhookEventsInput>) {
      const page = await db.repos.webhooks.list({ status: input.status ?? null, cursor: input.cursor, limit: input.limit });
      return { items: page.items.map(eventView), nextCursor: page.nextCursor };
    },

    reconciliations: (input: z.output<typeof reconciliationsInput>) =>
      db.repos.audit.list({ actorId: reconciliationActorId, action: null, targetType: null, targetId: null, from: null, to: null, ...input }),
  };
}
