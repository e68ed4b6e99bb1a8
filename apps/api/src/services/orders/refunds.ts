import { createHash } from "node:crypto";
import {
  err,
  isDuplicateKey,
  money,
  ok,
  replayOf,
  pendingRefund,
  refundForUnits,
  refundOrder,
  refundProviderKey,
  type Order,
  type RefundError,
  type RefundRecord,
  type Result,
  type Transition,
} from "@bbscart/core";
import type { refundIdInput, refundInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, audit, type CheckoutRefusal, type CommerceDeps, type ItemsRefusal, notFound, refused } from "../common/index.js";
import { decide } from "./decide.js";
import { providerCalls } from "./provider-calls.js";
import { auditSnapshot } from "./admin-view.js";

/** What a refund request leaves behind: the refund as recorded now (pending when the provider has not accepted it yet). */
export interface RefundOutcome {
  readonly orderId: string;
  readonly refund: RefundRecord;
}

function refundIn(order: Order, refundId: string): RefundRecord {
  const refund = order.payment.refunds.find((r) => r.id === refundId);
  if (!refund) throw new Error(`order ${order.id} has no refund ${refundId}`);
  return refund;
}

/** When the refund is for returned items, the amount may not exceed what those items cost. */
function itemsRefusal(order: Order, input: z.output<typeof refundInput>): ItemsRefusal | null {
  if (input.items.length === 0) return null;
  const worth = refundForUnits(order, input.items);
  if (!worth.ok) return worth.error;
  return input.amountMinor > worth.value.minor ? { code: "REFUND_EXCEEDS_ITEMS", worth: worth.value } : null;
}

/** What a refund key is stored with: the whole request but the key, so a retry can tell "same refund" from "other refund, same key". */
function refundFingerprint(input: z.output<typeof refundInput>): string {
  const items = [...input.items].sort((a, b) => a.variantId.localeCompare(b.variantId)).map((item) => [item.variantId, item.quantity]);
  const body = [input.orderId, input.amountMinor, input.destination, input.reason, items];
  return createHash("sha256").update(JSON.stringify(body)).digest("base64url");
}

type KeyRefusal = Extract<CheckoutRefusal, { code: "IDEMPOTENCY_KEY_REUSED" }>;

/**
 * Admin refunds. To the wallet: one unit of work (refund recorded, ledger posted, audited). To the
 * card: the amount is reserved with a pending refund in one unit of work — the order's
 * compare-and-set save makes two admins refunding at once re-decide on fresh state, so refunds
 * never sum past the capture — then the provider is asked after commit and the refund settled.
 */
export function refunds(deps: CommerceDeps) {
  const { db, clock, ids } = deps;
  const provider = providerCalls(deps);

  async function refundOnce(admin: AdminCall, input: z.output<typeof refundInput>, requestHash: string): Promise<RefundOutcome> {
    const fresh = ids.next();
    let refundId = fresh;
    const result = await decide(db, input.orderId, {
      now: () => clock.now(),
      visible: () => true,
      decision: async (order, repos): Promise<Result<Transition, ItemsRefusal | RefundError | KeyRefusal>> => {
        const record = await repos.idempotency.find(admin.user.id, "refund", input.idempotencyKey);
        if (record) {
          const replay = replayOf(record, requestHash);
          if (!replay.ok) return err({ code: "IDEMPOTENCY_KEY_REUSED", what: "refund" });
          refundId = replay.value;
          return ok({ order, effects: [], afterCommit: [] });
        }
        refundId = fresh;
        const refused = itemsRefusal(order, input);
        if (refused) return err(refused);
        return refundOrder(order, {
          refundId,
          amount: money(input.amountMinor, order.currency),
          destination: input.destination,
          reason: input.reason,
          actor: admin.actor,
          now: clock.now(),
        });
      },
      onSaved: async (repos, { before, after }) => {
        const now = clock.now();
        await repos.idempotency.claim({ userId: admin.user.id, scope: "refund", key: input.idempotencyKey, requestHash, resultId: refundId, createdAt: now, openSince: null });
        await audit(repos, clock, ids, {
          actorId: admin.user.id,
          requestId: admin.requestId,
          action: "order.refund",
          targetType: "order",
          targetId: after.id,
          reason: input.reason,
          before: auditSnapshot(before),
          after: { ...auditSnapshot(after), refundId, amountMinor: input.amountMinor, destination: input.destination },
        });
      },
    });
    if (!result.ok) throw refused(result.error);
    deps.deliver(result.value.outboxIds);
    await provider.run(result.value.order, result.value.afterCommit);
    const order = await db.repos.orders.findById(input.orderId);
    return { orderId: input.orderId, refund: refundIn(order ?? result.value.order, refundId) };
  }

  return {
    settle: provider.settle,
    runProviderCalls: provider.run,

    /**
     * Issues a refund once per idempotency key: the key is claimed in the refund's unit of work, so
     * a retry (after a timeout, or a commit whose outcome was unknown) finds it and answers with the
     * refund it made, as it is now; the same key with another body is refused. Concurrent retries
     * race on the order's compare-and-set (and, on MongoDB, the key's unique index): one refunds,
     * the others re-decide, find the key and answer with that refund.
     */
    async refund(admin: AdminCall, input: z.output<typeof refundInput>): Promise<RefundOutcome> {
      const requestHash = refundFingerprint(input);
      for (let attempt = 0; ; attempt++) {
        try {
          return await refundOnce(admin, input, requestHash);
        } catch (error) {
          if (attempt > 0 || !isDuplicateKey(error, "idempotency_keys.user_scope_key")) throw error;
        }
      }
    },

    /** Asks the provider again for a refund left pending; settles it (audited) if the provider accepts. */
    async retry(admin: AdminCall, input: z.output<typeof refundIdInput>): Promise<RefundOutcome> {
      const order = await db.repos.orders.findById(input.orderId);
      if (!order) throw notFound("Order");
      const refund = pendingRefund(order.payment, input.refundId);
      if (!refund) {
        const settled = order.payment.refunds.find((r) => r.id === input.refundId);
        throw settled ? refused({ code: "REFUND_NOT_PENDING", refundId: settled.id, status: settled.status }) : notFound("Refund");
      }
      const intentId = order.payment.providerIntentId;
      // Only card refunds wait for the provider, and a card refund was accepted only with an intent to refund to.
      if (intentId === null) throw new Error(`order ${order.id} has a pending refund but no payment intent`);
      const call = { type: "refund", intentId, refundId: refund.id, amount: refund.amount, idempotencyKey: refundProviderKey(refund.id) } as const;
      const accepted = await provider.refundAtProvider(order.id, call, (repos, { before, after }) =>
        audit(repos, clock, ids, {
          actorId: admin.user.id,
          requestId: admin.requestId,
          action: "order.refund_retry",
          targetType: "order",
          targetId: after.id,
          before: auditSnapshot(before),
          after: { ...auditSnapshot(after), refundId: refund.id },
        }),
      );
      const now = accepted ? await db.repos.orders.findById(order.id) : order;
      return { orderId: order.id, refund: refundIn(now ?? order, refund.id) };
    },
  };
}
