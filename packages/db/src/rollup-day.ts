import { dayFormatter, rollupDelta, rollupOf, sumRollups, type Order, type RollupChange } from "@bbscart/core";

const formatters = new Map<string, { format(at: Date): string }>();

/** The store day of an order in `timeZone`, with one formatter per zone for the process's life (building one costs more than formatting). */
function storeDay(timeZone: string, at: Date): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = dayFormatter(timeZone);
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** What writing `after` over `before` (null: created) changes in the rollups kept in `timeZone`. */
export function orderRollupDelta(timeZone: string, before: Order | null, after: Order): RollupChange {
  return rollupDelta(before && rollupOf(before, storeDay(timeZone, before.placedAt)), rollupOf(after, storeDay(timeZone, after.placedAt)));
}

/** The rollups of `orders` together, days in `timeZone`: what a rebuild batch writes. */
export function ordersRollup(timeZone: string, orders: readonly Order[]): RollupChange {
  return sumRollups(orders.map((order) => rollupOf(order, storeDay(timeZone, order.placedAt))));
}
