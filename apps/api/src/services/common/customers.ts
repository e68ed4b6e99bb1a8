import type { Order, User, UserRepository } from "@bbscart/core";

/**
 * The customers of a page of orders, each loaded once however many of the orders they placed;
 * a deleted account maps to null. Lists and exports show who ordered without one lookup per row.
 */
export async function customersOf(users: UserRepository, orders: readonly Order[]): Promise<ReadonlyMap<string, User | null>> {
  const ids = [...new Set(orders.map((order) => order.userId))];
  const loaded = await Promise.all(ids.map((id) => users.findById(id)));
  return new Map(ids.map((id, i) => [id, loaded[i] ?? null]));
}

/** Who placed the order, as the console shows them: the account's name and contacts, or the delivery address's where the account has none. */
export function orderCustomer(order: Order, customer: User | null) {
  return { name: customer?.name ?? order.address.name, email: customer?.email ?? null, phone: customer?.phone ?? order.address.phone };
}
