import type { Actor, Order } from "@bbscart/core";

/** Who changed an order, as its shopper is shown: staff only as "admin", never which account. */
function toShopper(actor: Actor) {
  return actor.kind === "admin" ? { kind: "admin" as const } : actor;
}

/** Who changed an order, as the console shows it: which staff account, not what it may do (that is on the account). */
function toStaff(actor: Actor) {
  return actor.kind === "admin" ? { kind: "admin" as const, userId: actor.userId } : actor;
}

/** A timeline entry (of either kind) with its actor as shown. */
type ShownEntry<A, E = Order["history"][number]> = E extends unknown ? Omit<E, "actor"> & { readonly actor: A } : never;

/**
 * The order as a page shows it: every field but `couponHolders`, the internal keys a coupon's
 * per-customer limit counted (they spell out the email and phone under other names), with the
 * timeline's actors shown through `actor`.
 */
function shown<A>(order: Order, actor: (actor: Actor) => A) {
  const { couponHolders: _holders, history, ...rest } = order;
  const shownHistory: readonly ShownEntry<A>[] = history.map((entry) => ({ ...entry, actor: actor(entry.actor) }));
  return { ...rest, history: shownHistory };
}

/** The order as its shopper (or a guest with its link) sees it. */
export const shownOrder = (order: Order) => shown(order, toShopper);

/** The order as the console shows it to staff. */
export const shownToStaff = (order: Order) => shown(order, toStaff);
