import { attachPaymentIntent, intentCallFor, intentCustomerId, ok, settleRefund, type Order, type ProviderCall, type Repositories } from "@bbscart/core";
import { type CommerceDeps, refused } from "../common/index.js";
import { decide } from "./decide.js";

type RefundCall = Extract<ProviderCall, { type: "refund" }>;
type IntentCall = Extract<ProviderCall, { type: "create_intent" }>;
type OnSaved = (repos: Repositories, change: { before: Order; after: Order }) => Promise<void>;
export type ProviderCallDeps = Pick<CommerceDeps, "db" | "clock" | "log" | "provider" | "deliver">;

/**
 * The provider side of order decisions, run after their unit of work committed: payment intents,
 * cancelled intents and card refunds (settled once the provider accepts them). Every call carries
 * its idempotency key, so a retry is safe; a provider that fails leaves the decision standing — a
 * refund stays pending, reserved and visible, for a retry or the provider's webhook to settle.
 */
export function providerCalls(deps: ProviderCallDeps) {
  const { db, clock, log, provider } = deps;

  /**
   * Creates a card order's payment intent (the provider returns the same one for the same key) and
   * remembers it on the order unless one is attached already; returns the browser's client secret.
   */
  async function createOrderIntent(customerId: string, call: IntentCall): Promise<string> {
    const intent = await provider.createIntent({
      amount: call.amount,
      purpose: { kind: "order", id: call.orderId },
      customerId,
      idempotencyKey: call.idempotencyKey,
    });
    const attached = await decide(db, call.orderId, {
      now: () => clock.now(),
      visible: () => true,
      decision: (order) => ok({ order: order.payment.providerIntentId ? order : attachPaymentIntent(order, intent.intentId), effects: [], afterCommit: [] }),
    });
    if (!attached.ok) throw new Error(`could not attach intent ${intent.intentId} to order ${call.orderId}: ${attached.error.code}`);
    return intent.clientSecret;
  }

  /**
   * The browser's client secret for paying a card order: its attached intent's, or a new intent's
   * under the order's own idempotency key (the key placement asks with, so both find the same intent).
   */
  async function orderClientSecret(order: Order): Promise<string> {
    if (order.payment.providerIntentId) return (await provider.retrieveIntent(order.payment.providerIntentId)).clientSecret;
    return createOrderIntent(intentCustomerId(order), intentCallFor(order));
  }

  /**
   * Books a pending card refund the provider confirmed; a repeat changes nothing (`saved` false).
   * `onSaved` adds the caller's writes (an audit entry, the webhook's processed mark).
   */
  async function settle(orderId: string, refundId: string, onSaved?: OnSaved): Promise<{ order: Order; saved: boolean }> {
    const result = await decide(db, orderId, {
      now: () => clock.now(),
      visible: () => true,
      decision: (order) => settleRefund(order, { refundId, now: clock.now() }),
      ...(onSaved ? { onSaved } : {}),
    });
    if (!result.ok) throw refused(result.error);
    deps.deliver(result.value.outboxIds);
    return { order: result.value.order, saved: result.value.saved };
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

  /** Carries out what a committed decision about `order` asks of the provider. */
  async function run(order: Pick<Order, "id" | "userId" | "guest">, calls: readonly ProviderCall[]): Promise<void> {
    for (const call of calls) {
      if (call.type === "refund") {
        await refundAtProvider(order.id, call);
      } else if (call.type === "cancel_intent") {
        // An intent left open cannot be paid into a cancelled order for long: a late payment is refunded on arrival.
        await provider.cancelIntent(call.intentId, call.idempotencyKey).catch((error: unknown) => {
          log.warn({ err: error, orderId: order.id, intentId: call.intentId }, "payment intent left open: cancelling it failed");
        });
      } else {
        await createOrderIntent(intentCustomerId(order), call).catch((error: unknown) => {
          log.error({ err: error, orderId: order.id }, "payment intent not created; the shopper can retry payment");
        });
      }
    }
  }

  return { createOrderIntent, orderClientSecret, settle, refundAtProvider, run };
}
