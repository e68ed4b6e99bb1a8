import {
  applyOrderEvent,
  err,
  intentCustomerId,
  ok,
  recordPaymentFailure,
  recordPaymentSuccess,
  type Actor,
  type IntentOwner,
  type Money,
  type Order,
  type Repositories,
  type Result,
  type Transition,
} from "@bbscart/core";
import { decide, type ProviderCallDeps, providerCalls } from "../orders/index.js";
import { loadSettings } from "../common/index.js";
import { PaymentEventRejected } from "./rejected.js";

/** Writes that commit with the order change (the event's processed mark, a reconciliation record). */
export type OnSaved = (repos: Repositories, change: { before: Order; after: Order }) => Promise<void>;

export interface IntentFacts {
  intentId: string;
  purpose: IntentOwner | null;
}

type Mismatch = { code: "PAYMENT_MISMATCH"; problem: string };

/** Why an intent's event cannot be about this order, or null when it matches our record. */
function mismatch(order: Order, facts: IntentFacts, amount: Money | null): string | null {
  if (order.payment.method !== "card") return `order ${order.id} is not paid by card`;
  const attached = order.payment.providerIntentId;
  if (attached !== null && attached !== facts.intentId) return `order ${order.id} is paid through intent ${attached}, not ${facts.intentId}`;
  if (facts.purpose && facts.purpose.customerId !== intentCustomerId(order)) return `intent ${facts.intentId} belongs to another customer than order ${order.id}`;
  const due = order.payment.amountDue;
  if (amount && (amount.currency !== due.currency || amount.minor !== due.minor)) {
    return `intent ${facts.intentId} took ${amount.minor} ${amount.currency} but order ${order.id} is due ${due.minor} ${due.currency}`;
  }
  return null;
}

const unchanged = (order: Order): Result<Transition, never> => ok({ order, effects: [], afterCommit: [] });
const awaitingPayment = (order: Order) => order.status === "pending_payment" && order.payment.captured.minor === 0;

/**
 * What a provider's word about an intent does to the order it pays for — whether the word came by
 * webhook or by reconciliation asking the provider. Each change is one `decide` (compare-and-set on
 * the order) with the caller's `onSaved` writes in the same unit of work; core makes every one of
 * them safe to repeat and to receive out of order: a captured intent is not captured again, a
 * failure after the payment succeeded changes nothing, money arriving for a cancelled order is
 * refunded. Provider calls a decision asks for (that refund) run after commit.
 */
export function orderPayments(deps: ProviderCallDeps, actor: Actor) {
  const { db, clock } = deps;

  async function orderIdFor(facts: IntentFacts): Promise<string> {
    if (facts.purpose?.kind === "order") return facts.purpose.id;
    const order = await db.repos.orders.findByPaymentIntent(facts.intentId);
    if (!order) throw new PaymentEventRejected(`no order is paid through intent ${facts.intentId}`);
    return order.id;
  }

  /** Runs one decision; returns whether it changed the order (so `onSaved` ran). */
  async function run(facts: IntentFacts, decision: (order: Order, repos: Repositories) => Promise<Result<Transition, unknown>>, onSaved: OnSaved) {
    const result = await decide(db, await orderIdFor(facts), { now: () => clock.now(), visible: () => true, decision, onSaved });
    if (!result.ok) {
      const refusal = result.error as { code: string; problem?: string };
      // Lost every compare-and-set race: transient, the queue retries. Anything else is final.
      if (refusal.code === "ORDER_BUSY") throw new Error(`order for intent ${facts.intentId} is busy`);
      throw new PaymentEventRejected(refusal.problem ?? `order for intent ${facts.intentId} refused the event: ${refusal.code}`);
    }
    deps.deliver(result.value.outboxIds);
    await providerCalls(deps).run(result.value.order, result.value.afterCommit);
    return { saved: result.value.saved, order: result.value.order };
  }

  return {
    /** Money was taken: confirm the order, or refund it at once if the order was cancelled meanwhile. */
    succeeded: (facts: IntentFacts, amount: Money, onSaved: OnSaved) =>
      run(
        facts,
        async (order, repos): Promise<Result<Transition, unknown>> => {
          const problem = mismatch(order, facts, amount);
          if (problem) return err<Mismatch>({ code: "PAYMENT_MISMATCH", problem });
          return recordPaymentSuccess(order, { amount, ref: facts.intentId, actor, now: clock.now(), settings: await loadSettings(repos) });
        },
        onSaved,
      ),

    /** A declined attempt: remembered, the order stays payable. Too late to matter once it was paid or closed. */
    failed: (facts: IntentFacts, reason: string, onSaved: OnSaved) =>
      run(
        facts,
        (order) => {
          const problem = mismatch(order, facts, null);
          if (problem) return Promise.resolve(err<Mismatch>({ code: "PAYMENT_MISMATCH", problem }));
          if (!awaitingPayment(order)) return Promise.resolve(unchanged(order));
          return Promise.resolve(ok(recordPaymentFailure(order, { reason, providerRef: facts.intentId, actor, now: clock.now() })));
        },
        onSaved,
      ),

    /**
     * The intent was cancelled at the provider. Ours are cancelled when their order is, so this is
     * usually a repeat; an order still waiting can no longer be paid through it, so it is released at
     * once (stock and coupon back) rather than held until its expiry (decision 015).
     */
    canceled: (facts: IntentFacts, onSaved: OnSaved) =>
      run(
        facts,
        async (order, repos): Promise<Result<Transition, unknown>> => {
          const problem = mismatch(order, facts, null);
          if (problem) return err<Mismatch>({ code: "PAYMENT_MISMATCH", problem });
          if (!awaitingPayment(order)) return unchanged(order);
          return applyOrderEvent(order, { type: "payment_cancelled" }, { actor, now: clock.now(), settings: await loadSettings(repos) });
        },
        onSaved,
      ),
  };
}
