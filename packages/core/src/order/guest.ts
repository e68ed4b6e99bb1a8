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
