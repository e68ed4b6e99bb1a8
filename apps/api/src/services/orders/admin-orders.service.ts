import { applyOrderEvent, quoteOpenReturn, type Actor, type OrderEvent, type OrderStatus } from "@bbscart/core";
import type { orderBulkFulfilInput, orderListInput, orderTransitionInput, refundIdInput, refundInput, returnQuoteInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, audit, type CommerceDeps, customerOf, customersOf, loadSettings, notFound, refused } from "../common/index.js";
import { refunds } from "./refunds.js";
import { adminOrderView, auditSnapshot, orderSummary, type Viewer } from "./admin-view.js";
import { decide } from "./decide.js";
import { orderListQuery } from "./list-query.js";

/** The text an admin gave with an action (why it was cancelled or rejected, why a return's amount was overridden), kept as the audit entry's reason. */
function reasonOf(event: OrderEvent): string | null {
  if (event.type === "approve_return") return event.override?.reason ?? null;
  return "reason" in event ? event.reason : null;
}

/**
 * Admins running orders: list and filter, the order page with its ledger transfers, every
 * transition the state machine allows them (each decided by core, saved with compare-and-set,
 * audited in the same unit of work), and refunds.
 */
export function adminOrdersService(deps: CommerceDeps) {
  const { db, clock, ids } = deps;
  const money = refunds(deps);

  const viewer = async (actor: Actor): Promise<Viewer> => ({ actor, now: clock.now(), settings: await loadSettings(db.repos) });

  async function detail(actor: Actor, orderId: string) {
    const order = await db.repos.orders.findById(orderId);
    if (!order) throw notFound("Order");
    const [customer, transfers] = await Promise.all([order.userId === null ? null : db.repos.users.findById(order.userId), db.repos.ledger.byReference(order.id)]);
    return adminOrderView(order, await viewer(actor), { customer, transfers });
  }

  async function transition(admin: AdminCall, input: z.output<typeof orderTransitionInput>) {
    const result = await decide(db, input.orderId, {
      now: () => clock.now(),
      visible: () => true,
      decision: async (order, repos) => applyOrderEvent(order, input.event, { actor: admin.actor, now: clock.now(), settings: await loadSettings(repos) }),
      onSaved: (repos, { before, after }) =>
        audit(repos, clock, ids, {
          actorId: admin.user.id,
          requestId: admin.requestId,
          action: `order.${input.event.type}`,
          targetType: "order",
          targetId: after.id,
          reason: reasonOf(input.event),
          before: auditSnapshot(before),
          after: auditSnapshot(after),
        }),
    });
    if (!result.ok) throw refused(result.error);
    deps.deliver(result.value.outboxIds);
    // A cancelled paid card order has a refund waiting for the provider.
    await money.runProviderCalls(result.value.order, result.value.afterCommit);
    return result.value.order;
  }

  return {
    async list(actor: Actor, input: z.output<typeof orderListInput>) {
      const page = await db.repos.orders.list(orderListQuery(input));
      const [as, customers] = await Promise.all([viewer(actor), customersOf(db.repos.users, page.items)]);
      return { items: page.items.map((order) => orderSummary(order, as, customerOf(customers, order))), nextCursor: page.nextCursor };
    },

    detail,

    async transition(admin: AdminCall, input: z.output<typeof orderTransitionInput>) {
      await transition(admin, input);
      return detail(admin.actor, input.orderId);
    },

    /**
     * Packs or ships each order in turn, each through the state machine in its own unit of work and
     * audited like a single action: one order refused (shipped meanwhile, not packed, busy) is
     * reported on its row and the others go ahead; no order is ever half changed.
     */
    async bulkFulfil(admin: AdminCall, input: z.output<typeof orderBulkFulfilInput>) {
      const results: { orderId: string; ok: boolean; status: OrderStatus | null; error: { reason: string; message: string } | null }[] = [];
      for (const item of input.items) {
        try {
          const order = await transition(admin, item);
          results.push({ orderId: item.orderId, ok: true, status: order.status, error: null });
        } catch (error) {
          // Refusals and a missing order are the row's answer; anything else is a bug and stops the batch.
          if (!(error instanceof AppError)) throw error;
          results.push({ orderId: item.orderId, ok: false, status: null, error: { reason: error.details.reason ?? error.code, message: error.message } });
        }
      }
      return { results };
    },

    /** What approving these lines of the return awaiting a decision would refund: core's amount, shown before the admin confirms. */
    async returnQuote(input: z.output<typeof returnQuoteInput>) {
      const order = await db.repos.orders.findById(input.orderId);
      if (!order) throw notFound("Order");
      const quote = quoteOpenReturn(order, input.approve);
      if (!quote.ok) throw refused(quote.error);
      return quote.value;
    },

    async refund(admin: AdminCall, input: z.output<typeof refundInput>) {
      const outcome = await money.refund(admin, input);
      return { refund: outcome.refund, order: await detail(admin.actor, outcome.orderId) };
    },

    async retryRefund(admin: AdminCall, input: z.output<typeof refundIdInput>) {
      const outcome = await money.retry(admin, input);
      return { refund: outcome.refund, order: await detail(admin.actor, outcome.orderId) };
    },

    /**
     * The provider confirmed a card refund (its webhook, or the answer to our call): book it. Safe
     * to repeat. The payments issue's webhook processing calls this.
     */
    async settleRefund(orderId: string, refundId: string) {
      return (await money.settle(orderId, refundId)).order;
    },
  };
}

export type AdminOrdersService = ReturnType<typeof adminOrdersService>;
