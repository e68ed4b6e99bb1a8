import { attachPaymentIntent, ok, type ProviderCall } from "@bbscart/core";
import type { CommerceDeps } from "../commerce-deps.js";
import { decide } from "../orders/decide.js";

type AfterCommitDeps = Pick<CommerceDeps, "db" | "clock" | "provider" | "log">;

/**
 * Creates a card order's payment intent (the provider returns the same one for the same
 * idempotency key) and remembers it on the order, unless an intent is already attached.
 * Returns the client secret the browser completes the payment with.
 */
export async function createOrderIntent(deps: AfterCommitDeps, userId: string, call: ProviderCall & { type: "create_intent" }): Promise<string> {
  const intent = await deps.provider.createIntent({
    amount: call.amount,
    purpose: { kind: "order", id: call.orderId },
    customerId: userId,
    idempotencyKey: call.idempotencyKey,
  });
  const attached = await decide(deps.db, call.orderId, {
    now: () => deps.clock.now(),
    visible: () => true,
    decision: (order) => ok({ order: order.payment.providerIntentId ? order : attachPaymentIntent(order, intent.intentId), effects: [], afterCommit: [] }),
  });
  if (!attached.ok) throw new Error(`could not attach intent ${intent.intentId} to order ${call.orderId}: ${attached.error.code}`);
  return intent.clientSecret;
}

/**
 * The provider calls a committed decision asked for (cancel an unpaid intent, refund a card).
 * The decision is already saved, so a failing call is logged for reconciliation rather than
 * failing the shopper's request; every call carries its idempotency key, so retrying is safe.
 */
export async function performProviderCalls(deps: AfterCommitDeps, userId: string, calls: readonly ProviderCall[]): Promise<void> {
  for (const call of calls) {
    try {
      if (call.type === "create_intent") await createOrderIntent(deps, userId, call);
      else if (call.type === "cancel_intent") await deps.provider.cancelIntent(call.intentId, call.idempotencyKey);
      else await deps.provider.refund({ intentId: call.intentId, amount: call.amount, idempotencyKey: call.idempotencyKey });
    } catch (error) {
      deps.log.error({ err: error, call: call.type, idempotencyKey: call.idempotencyKey }, "payment provider call after commit failed");
    }
  }
}
