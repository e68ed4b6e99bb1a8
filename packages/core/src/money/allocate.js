import { money } from "./money.js";
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
export function allocate(amount, weights) {
    for (const w of weights) {
        if (!Number.isSafeInteger(w) || w < 0)
            throw new RangeError(`allocate: bad weight ${w}`);
    }
    if (weights.length === 0)
        throw new RangeError("allocate: no weights");
    const total = weights.reduce((acc, w) => acc + BigInt(w), 0n);
    if (total === 0n) {
        if (amount.minor !== 0)
            throw new RangeError("allocate: cannot split a non-zero amount over zero weights");
        return weights.map(() => money(0, amount.currency));
    }
    const sign = amount.minor < 0 ? -1n : 1n;
    const magnitude = BigInt(amount.minor) * sign;
    const shares = weights.map((w) => (magnitude * BigInt(w)) / total);
    const remainders = weights.map((w, index) => ({ index, rest: (magnitude * BigInt(w)) % total }));
    let left = magnitude - shares.reduce((acc, s) => acc + s, 0n);
    remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
    for (const { index } of remainders) {
        if (left === 0n)
            break;
        shares[index] = (shares[index] ?? 0n) + 1n;
        left -= 1n;
    }
    return shares.map((share) => money(Number(share * sign), amount.currency));
}
//# sourceMappingURL=allocate.js.map