import type { OrderStatus } from "./order.js";

/**
 * Saved views of the admin's orders list that stand for several statuses at once (ADR 123).
 * `needs_attention`: the orders waiting on the shop itself — to pack, to ship, a return to decide.
 * The machine has no "payment failed" status: a failed attempt leaves the order `pending_payment`,
 * where the shopper may pay again and expiry cancels it on its own, so nothing waits on the shop.
 */
export const ORDER_VIEWS = ["needs_attention"] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];

export const ORDER_VIEW_STATUSES: { readonly [V in OrderView]: readonly OrderStatus[] } = {
  needs_attention: ["confirmed", "packed", "return_requested"],
};

