import type { Order } from "./order.js";

/**
 * A guest's order taken over by the account registered with the guest's email (ADR 141). Only an
 * unclaimed guest order whose email is the account's moves; anything else — an account's order,
 * one already claimed, another person's — comes back as null, so a repeated claim changes nothing.
 */
export function claimGuestOrder(order: Order, account: { readonly id: string; readonly email: string }): Order | null {
  if (order.userId !== null || order.guest === null || order.guest.email !== account.email) return null;
  return { ...order, userId: account.id, version: order.version + 1 };
}

/**
 * Whom the payment provider's intent is for: the account, or for a guest's order the order itself.
 * A guest order keeps its guest contact after a claim, so the answer does not change when an
 * account takes the order over, and a webhook for an intent made before the claim still matches.
 */
export function intentCustomerId(order: Pick<Order, "id" | "userId" | "guest">): string {
  if (order.guest !== null) return `guest:${order.id}`;
  if (order.userId === null) throw new Error(`order ${order.id} has neither an owner nor a guest`);
  return order.userId;
}
