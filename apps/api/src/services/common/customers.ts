import type { Order, User, UserRepository } from "@bbscart/core";

/**
 * The customers of a page of orders, each loaded once however many of the orders they placed;
 * a deleted account maps to null. Lists and exports show who ordered without one lookup per row.
 */
export async function customersOf(users: UserRepository, orders: readonly Order[]): Promise<ReadonlyMap<string, User | null>> {
  const ids = [...new Set(orders.flatMap((order) => (order.userId === null ? [] : [order.userId])))];
  const loaded = await Promise.all(ids.map((id) => users.findById(id)));
  return new Map(ids.map((id, i) => [id, loaded[i] ?? null]));
}

/** An order's customer out of `customersOf`: null for a guest's order or a deleted account. */
export const customerOf = (customers: ReadonlyMap<string, User | null>, order: Order): User | null =>
  order.userId === null ? null : (customers.get(order.userId) ?? null);

/**
 * Who placed the order, as the console shows them: the account's name and contacts, else the
 * guest's contact (ADR 141), else the delivery address's.
 */
export function orderCustomer(order: Order, customer: User | null) {
  return {
    name: customer?.name ?? order.address.name,
    email: customer?.email ?? order.guest?.email ?? null,
    phone: customer?.phone ?? order.guest?.phone ?? order.address.phone,
  };
}
