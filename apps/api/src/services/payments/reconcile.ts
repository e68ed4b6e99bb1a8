import { intentCustomerId, refundProviderKey, type Actor, type IdempotencyRecord, type JsonValue, type Order, type Repositories } from "@bbscart/core";
import { expireOrder, type ProviderCallDeps, providerCalls } from "../orders/index.js";
import { loadSettings, type CommerceDeps } from "../common/index.js";
import { orderPayments } from "./order-payments.js";
import { topUps } from "./top-ups.js";

/** Who reconciliation's repairs are recorded as: `admin.payments.reconciliations` lists its audit entries. */
export const reconciliationActorId = "system:reconciliation";
const actor: Actor = { kind: "system", process: "reconciliation" };

export type ReconcileDeps = ProviderCallDeps & Pick<CommerceDeps, "ids">;

/** One repair: of an order, or of a wallet top-up (named by its user and request key). */
export type Repair =
  | { orderId: string; action: "confirmed" | "expired" | "refunded" }
  | { topUp: { userId: string; key: string }; action: "credited" | "abandoned" };

const snapshot = (order: Order): JsonValue => ({ status: order.status, paymentStatus: order.payment.status, captured: order.payment.captured.minor });

/**
 * Brings orders in line with what the provider knows, for the cases a webhook cannot fix:
 * - an unpaid card order past its expiry: its intent is cancelled at the provider first (so no
 *   payment can land after the stock is gone), then the order is expired and its stock released;
 *   if the provider says the intent had succeeded, the order is confirmed instead;
 * - a card order still waiting though its intent succeeded (the webhook never came): confirmed;
 * - a card refund left pending (the provider was unreachable when it was asked, or the process died
 *   before asking): asked again under the same idempotency key, and settled once accepted;
 * - a card top-up left open (its webhook lost): credited through the webhook's own path if the
 *   provider took the money, closed if its intent was cancelled or is cancelled now, past the
 *   store's payment window, so that no payment can land on it later (decision 046).
 * A payment that lands after all on a cancelled order is refunded by core when its event arrives.
 * Every repair writes an audit entry as `system:reconciliation`, in the repair's own unit of work
 * where the repair is ours (confirmations, refunds); expiry runs through the order-expiry job's own code.
 */
export async function reconcilePayments(deps: ReconcileDeps, options: { awaitingAfterMs: number; limit: number }): Promise<Repair[]> {
  const { db, clock, ids, provider, log } = deps;
  const repairs: Repair[] = [];
  const record = (action: "confirmed" | "expired" | "refunded", reason: string) => async (repos: Repositories, change: { before: Order; after: Order }) => {
    await repos.audit.append({
      id: ids.next(),
      at: clock.now(),
      actorId: reconciliationActorId,
      action: `payment.reconcile.${action}`,
      targetType: "order",
      targetId: change.after.id,
      reason,
      requestId: null,
      before: snapshot(change.before),
      after: snapshot(change.after),
    });
  };
  const payments = orderPayments(deps, actor);

  /** Confirms an order whose intent succeeded at the provider; true when that was the case. */
  async function confirmIfPaid(order: Order, intentId: string): Promise<boolean> {
    const intent = await provider.retrieveIntent(intentId);
    if (intent.status !== "succeeded") return false;
    const facts = { intentId, purpose: { kind: "order" as const, id: order.id, customerId: intentCustomerId(order) } };
    const { saved } = await payments.succeeded(facts, intent.amount, record("confirmed", "the provider took the payment but no webhook confirmed the order"));
    if (saved) repairs.push({ orderId: order.id, action: "confirmed" });
    return true;
  }

  for (const order of await db.repos.orders.findExpired(clock.now(), options.limit)) {
    const intentId = order.payment.method === "card" ? order.payment.providerIntentId : null;
    try {
      if (intentId) {
        if (await confirmIfPaid(order, intentId)) continue;
        await provider.cancelIntent(intentId, `order:${order.id}:cancel-intent`);
      }
      if ((await expireOrder(deps, order.id)) === "expired") {
        const after = await db.repos.orders.findById(order.id);
        if (after) await record("expired", "unpaid past its expiry; payment intent cancelled first")(db.repos, { before: order, after });
        repairs.push({ orderId: order.id, action: "expired" });
      }
    } catch (error) {
      // One order's trouble (the provider unreachable) must not stop the others; the next run retries.
      log.warn({ err: error, orderId: order.id }, "reconciliation could not settle an expired order");
    }
  }

  const awaitingBefore = new Date(clock.now().getTime() - options.awaitingAfterMs);
  for (const order of await db.repos.orders.findAwaitingPayment(awaitingBefore, options.limit)) {
    const intentId = order.payment.providerIntentId;
    if (!intentId) continue;
    try {
      await confirmIfPaid(order, intentId);
    } catch (error) {
      log.warn({ err: error, orderId: order.id }, "reconciliation could not ask the provider about an order");
    }
  }
  const calls = providerCalls(deps);
  for (const order of await db.repos.orders.findWithPendingRefunds(awaitingBefore, options.limit)) {
    const intentId = order.payment.providerIntentId;
    // Only card refunds wait for the provider, and a card refund is accepted only with an intent to refund to.
    if (!intentId) continue;
    for (const refund of order.payment.refunds) {
      if (refund.status !== "pending" || refund.at >= awaitingBefore) continue;
      const call = { type: "refund", intentId, refundId: refund.id, amount: refund.amount, idempotencyKey: refundProviderKey(refund.id) } as const;
      try {
        if (await calls.refundAtProvider(order.id, call, record("refunded", "a card refund was left pending; the provider accepted it when asked again"))) {
          repairs.push({ orderId: order.id, action: "refunded" });
        }
      } catch (error) {
        log.warn({ err: error, orderId: order.id, refundId: refund.id }, "reconciliation could not settle a pending card refund");
      }
    }
  }
  const paymentWindowMs = (await loadSettings(db.repos)).paymentExpiryMinutes * 60_000;
  for (const topUp of await db.repos.idempotency.findOpen("wallet_top_up", awaitingBefore, options.limit)) {
    try {
      const repaired = await repairTopUp(deps, topUp, paymentWindowMs);
      if (repaired) repairs.push({ topUp: { userId: topUp.userId, key: topUp.key }, action: repaired });
    } catch (error) {
      log.warn({ err: error, userId: topUp.userId, topUpId: topUp.key }, "reconciliation could not ask the provider about a wallet top-up");
    }
  }
  return repairs;
}

/**
 * Asks the provider about one open top-up: paid → credited exactly as its webhook would have (the
 * same `credit`, whose transfer id comes from the intent, so a webhook before or after, or at the
 * same moment, adds nothing); cancelled, or unpaid past the payment window and now cancelled by us
 * → closed, since no money can arrive any more. Anything else is asked again on the next run.
 * Returns what this run changed, if anything.
 */
async function repairTopUp(deps: ReconcileDeps, topUp: IdempotencyRecord, paymentWindowMs: number): Promise<"credited" | "abandoned" | null> {
  const { db, clock, ids, provider } = deps;
  const intentId = topUp.resultId;
  const audit = (action: "credited" | "abandoned", reason: string, after: JsonValue) => (repos: Repositories) =>
    repos.audit.append({
      id: ids.next(),
      at: clock.now(),
      actorId: reconciliationActorId,
      action: `payment.reconcile.top_up_${action}`,
      targetType: "wallet_top_up",
      targetId: intentId,
      reason,
      requestId: null,
      before: { status: "open", userId: topUp.userId, topUpId: topUp.key },
      after,
    });
  const intent = await provider.retrieveIntent(intentId);
  if (intent.status === "succeeded") {
    const owner = { kind: "top_up" as const, id: topUp.key, customerId: topUp.userId };
    const reason = "the provider took the payment but no webhook credited the wallet";
    const record = audit("credited", reason, { status: "credited", amountMinor: intent.amount.minor });
    const { closed } = await topUps(deps).credit(intentId, owner, intent.amount, (repos, change) => (change.closed ? record(repos) : Promise.resolve()));
    return closed ? "credited" : null;
  }
  if (intent.status === "processing") return null;
  if (intent.status === "requires_payment") {
    if (clock.now().getTime() - (topUp.openSince ?? topUp.createdAt).getTime() < paymentWindowMs) return null;
    // Cancelled first, so that no payment lands on a top-up we no longer wait for.
    await provider.cancelIntent(intentId, `top_up:${topUp.userId}:${topUp.key}:cancel-intent`);
  }
  const reason = intent.status === "cancelled" ? "its payment intent was cancelled at the provider" : "unpaid past the payment window; payment intent cancelled first";
  const closed = await db.uow.run(async (repos) => {
    if (!(await repos.idempotency.close(topUp.userId, "wallet_top_up", topUp.key))) return false;
    await audit("abandoned", reason, { status: "abandoned" })(repos);
    return true;
  });
  return closed ? "abandoned" : null;
}
