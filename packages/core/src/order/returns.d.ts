import { type Money } from "../money/money.js";
import { type Result } from "../result.js";
import type { Order } from "./order.js";
export type ReturnSelectionError = {
    readonly code: "UNKNOWN_LINE";
    readonly variantId: string;
} | {
    readonly code: "QUANTITY_EXCEEDS_LINE";
    readonly variantId: string;
    readonly ordered: number;
};
/**
 * The refund due for returning some units, from each line's final (discounted) total: the
 * line total is split over its units with `allocate`, so refunding every unit of every line
 * gives back exactly what the lines cost, never a paisa more. Delivery is not refunded here.
 */
export declare function refundForUnits(order: Order, selections: readonly {
    readonly variantId: string;
    readonly quantity: number;
}[]): Result<Money, ReturnSelectionError>;
//# sourceMappingURL=returns.d.ts.map