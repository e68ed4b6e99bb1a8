import { allocate } from "../money/allocate.js";
import { sum } from "../money/money.js";
import { err, expectOk, ok } from "../result.js";
/**
 * The refund due for returning some units, from each line's final (discounted) total: the
 * line total is split over its units with `allocate`, so refunding every unit of every line
 * gives back exactly what the lines cost, never a paisa more. Delivery is not refunded here.
 */
export function refundForUnits(order, selections) {
    const parts = [];
    for (const { variantId, quantity } of selections) {
        const line = order.lines.find((l) => l.variantId === variantId);
        if (!line)
            return err({ code: "UNKNOWN_LINE", variantId });
        if (quantity > line.quantity)
            return err({ code: "QUANTITY_EXCEEDS_LINE", variantId, ordered: line.quantity });
        const perUnit = allocate(line.total, Array.from({ length: line.quantity }, () => 1));
        parts.push(...perUnit.slice(0, quantity));
    }
    return ok(expectOk(sum(order.currency, parts), "refundForUnits"));
}
//# sourceMappingURL=returns.js.map