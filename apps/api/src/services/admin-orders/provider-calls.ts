import { settleRefund, type Order, type ProviderCall, type Repositories } from "@bbscart/core";
import type { CommerceDeps } from "../commerce-deps.js";
import { decide } from "../orders/decide.js";
import { orderRefusal } from "./refusals.js";

type RefundCall = Extract<ProviderCall, { type: "refund" }>;
type OnSaved = (repos: Repositories, change: { before: Order; after: Order }) => Promise<void>;

/**
 * The provider side of order decisions, run after their unit of work committed: card refunds
 * (settled once the provider accepts them) and cancelled payment intents. A provider that fails
 * leaves the refund pending — reserved, visible, and settled by a retry or the provider's webhook.
 */
export function providerCalls(deps: CommerceDeps) {
  const { db, clock, log, provider } = deps;

  /** Books a pending card refund the provider confirmed; a repeat changes nothing. `onSaved` adds the caller's audit entry. */
  async function settle(orderId: string, refundId: string, onSaved?: OnSaved): Promise<Order> {
    const result = await decide(db, orderId, {
      now: () => clock.now(),
      visible: () => true,
      decision: (order) => settleRefund(order, { refundId, now: clock.now() }),
      ...(onSaved ? { onSaved } : {}),
    });
    if (!result.ok) throw orderRefusal(result.error);
    await deps.deliver(result.value.outboxIds);
    return result.value.order;
  }

  /** Asks the provider for a reserved refund (same idempotency key every time) and settles it if accepted. */
  async function refundAtProvider(orderId: string, call: RefundCall, onSaved?: OnSaved): Promise<boolean> {
    try {
      await provider.refund({ intentId: call.intentId, amount: call.amount, idempotencyKey: call.idempotencyKey });
    } catch (error) {
      log.warn({ err: error, orderId, refundId: call.refundId }, "card refund left pending: the payment provider did not accept it");
      return false;
    }
    await settle(orderId, call.refundId, onSaved);
    return true;
  }

  /** Carries out what an admin's order decision asks of the provider. */
  async function run(orderId: string, calls: readonly ProviderCall[]): Promise<void> {
    for (const call of calls) {
      if (call.type === "refund") {
        await refundAtProvider(orderId, call);
      } else if (call.type === "cancel_intent") {
        // An intent left open cannot be paid into a cancelled order for long: a late payment is refunded on arrival.
        await provider.cancelIntent(call.intentId, call.idempotencyKey).catch((error: unknown) => {
          log.warn({ err: error, orderId, intentId: call.intentId }, "payment intent left open: cancelling it failed");
        });
      } else {
        throw new Error(`order ${orderId}: an admin decision asked to create a payment intent`);
      }
    }
  }

  return { settle, refundAtProvider, run };
}
