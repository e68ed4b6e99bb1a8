import type { Order } from "@bbscart/core";

/**
 * The order as its pages show it: every field but `couponHolders`, the internal keys a coupon's
 * per-customer limit counted (they spell out the email and phone under other names).
 */
export function shownOrder(order: Order): Omit<Order, "couponHolders"> {
  const { couponHolders: _holders, ...shown } = order;
  return shown;
}
