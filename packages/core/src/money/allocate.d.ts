import { type Money } from "./money.js";
/**
 * Splits `amount` in proportion to `weights` by the largest-remainder method.
 *
 * Invariants (property-tested): the parts sum to `amount` exactly (no paisa lost or
 * invented); each part is within one minor unit of its exact share, so parts for equal
 * weights differ by at most one; ties go to the earlier index, so the split is
 * deterministic. Used to spread coupon discounts over lines and to price partial returns.
 *
 * Weights are non-negative safe integers (line subtotals, quantities). All-zero weights can
 * only split zero; asking otherwise is a bug and throws. Products are computed in BigInt,
 * so large amounts times large weights stay exact.
 */
export declare function allocate(amount: Money, weights: readonly number[]): Money[];
//# sourceMappingURL=allocate.d.ts.map