import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr } from "../testing/builders.js";
import { netOf, summarize } from "./figures.js";
const day = (d, orders, gross, refunds, currency = "INR") => ({
    day: d,
    currency,
    orders,
    gross: money(gross, currency),
    refunds: money(refunds, currency),
});
describe("owner's figures", () => {
    it("nets refunds off gross and averages gross over paid orders, rounding half up", () => {
        const summary = summarize([day("2025-01-15", 2, 30_001, 0), day("2025-01-16", 1, 10_000, 2_500)], "INR");
        expect(summary).toEqual({ orders: 3, gross: inr(40_001), refunds: inr(2_500), net: inr(37_501), averageOrderValue: inr(13_334) });
        expect(netOf(day("2025-01-16", 1, 10_000, 2_500))).toEqual(inr(7_500));
    });
    it("keeps each currency to itself and has an average of zero without orders", () => {
        const summary = summarize([day("2025-01-15", 1, 5_000, 0, "USD"), day("2025-01-15", 1, 9_000, 0)], "USD");
        expect(summary.gross).toEqual(money(5_000, "USD"));
        expect(summarize([], "INR").averageOrderValue).toEqual(inr(0));
    });
});
//# sourceMappingURL=figures.test.js.map