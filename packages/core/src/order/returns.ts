import { allocate } from "../money/allocate.js";
import { sum, type Money } from "../money/money.js";
import { err, expectOk, ok, type Result } from "../result.js";
import type { Order } from "./order.js";

export type ReturnSelectionError =
  | { readonly code: "UNKNOWN_LINE"; readonly variantId: string }
  | { readonly code: "QUANTITY_EXCEEDS_LINE"; readonly variantId: string; readonly ordered: number };

/**
 * The refund due for returning some units, from each line's final (discounted) total: the
 * line total is split over its units with `allocate`, so refunding every unit of every line
 * gives back exactly what the lines cost, never a paisa more. Delivery is not refunded here.
 */
export function refundForUnits(
  order: Order,
  selections: readonly { readonly variantId: string; readonly quantity: number }[],
): Result<Money, ReturnSelectionError> {
  const parts: Money[] = [];
  for (const { variantId, quantity } of selections) {
    const line = order.lines.find((l) => l.variantId === variantId);
    if (!line) return err({ code: "UNKNOWN_LINE", variantId });
    if (quantity > line.quantity) return err({ code: "QUANTITY_EXCEEDS_LINE", variantId, ordered: line.quantity });
    const perUnit = allocate(line.total, Array.from({ length: line.quantity }, () => 1));
    parts.push(...perUnit.slice(0, quantity));
  }
  return ok(expectOk(sum(order.currency, parts), "refundForUnits"));
}
