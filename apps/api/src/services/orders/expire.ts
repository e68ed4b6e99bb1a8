import { applyOrderEvent, ok, type Actor } from "@bbscart/core";
import { providerCalls } from "./provider-calls.js";
import { type CommerceDeps, loadSettings } from "../common/index.js";
import { decide } from "./decide.js";

export type OrderExpiryDeps = Pick<CommerceDeps, "db" | "clock" | "log" | "provider" | "deliver">;

/** Thrown for an unpaid order whose time has not come yet (clocks apart): the queue retries it later. */
export class ExpiryNotDue extends Error {
  override name = "ExpiryNotDue";
}

const expiryActor: Actor = { kind: "system", process: "order-expiry" };

/**
 * Expires an unpaid order (the `order-expiry` job runs this): an order still awaiting payment once its `expiresAt` has passed (by
 * the injected clock) is expired through core's state machine as the system, which releases
 * its stock and coupon and cancels its payment intent after commit. Anything else — paid,
 * cancelled, gone — is left alone, so running the job twice or late is harmless.
 */
export async function expireOrder(deps: OrderExpiryDeps, orderId: string): Promise<"expired" | "unchanged"> {
  let expired = false;
  const decided = await decide(deps.db, orderId, {
    now: () => deps.clock.now(),
    visible: () => true,
    decision: async (order, repos) => {
      const now = deps.clock.now();
      if (order.status !== "pending_payment" || order.payment.captured.minor > 0) return ok({ order, effects: [], afterCommit: [] });
      if (!order.expiresAt || now < order.expiresAt) throw new ExpiryNotDue(`order ${order.id} expires at ${order.expiresAt?.toISOString() ?? "never"}`);
      const decision = applyOrderEvent(order, { type: "expire" }, { actor: expiryActor, now, settings: await loadSettings(repos) });
      expired = decision.ok;
      return decision;
    },
  });
  if (!decided.ok) {
    if (decided.error.code === "ORDER_NOT_FOUND") return "unchanged";
    throw new Error(`order ${orderId} could not expire: ${decided.error.code}`);
  }
  if (!expired) return "unchanged";
  const { order, outboxIds, afterCommit } = decided.value;
  deps.deliver(outboxIds);
  await providerCalls(deps).run(order, afterCommit);
  return "expired";
}
