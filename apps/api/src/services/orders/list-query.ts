import { ORDER_VIEW_STATUSES, type OrderListQuery } from "@bbscart/core";
import type { orderListInput } from "@bbscart/core/schemas";
import type { z } from "zod";

type OrderListFilters = Omit<z.output<typeof orderListInput>, "cursor" | "limit">;

/** The orders list's input as the repositories take it: a saved view becomes the statuses it stands for (ADR 123). */
export function orderListQuery<I extends OrderListFilters>({ view, ...filters }: I): Omit<I, "view"> & Pick<OrderListQuery, "statuses"> {
  return { ...filters, statuses: view ? ORDER_VIEW_STATUSES[view] : null };
}
