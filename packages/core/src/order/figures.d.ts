import { type CurrencyCode, type Money } from "../money/money.js";
/**
 * One day's money from paid orders, in one currency, as an owner reads it. An order counts once
 * its money is in: captured (card or wallet) or, for cash on delivery, collected at delivery —
 * both are `payment.captured`. Unpaid orders, cancelled before payment or still awaiting it,
 * count nowhere. Every figure belongs to the day the order was placed, in the store's time zone.
 */
export interface DailyFigures {
    /** "YYYY-MM-DD" in the store's time zone. */
    readonly day: string;
    readonly currency: CurrencyCode;
    /** Paid orders placed that day. */
    readonly orders: number;
    /** What those orders captured. */
    readonly gross: Money;
    /** What has been refunded on them since (pending card refunds included: that money is promised). */
    readonly refunds: Money;
}
/** A period's figures: gross, refunds, net = gross − refunds, orders, and average order value = gross ÷ orders. */
export interface SalesSummary {
    readonly orders: number;
    readonly gross: Money;
    readonly refunds: Money;
    readonly net: Money;
    /** Gross per paid order, rounded half up to the minor unit; zero without orders. */
    readonly averageOrderValue: Money;
}
/** The net of one day's (or a period's) figures. */
export declare function netOf(figures: Pick<DailyFigures, "gross" | "refunds">): Money;
/** Adds up `days` in `currency` (days in another currency are not this summary's). */
export declare function summarize(days: readonly DailyFigures[], currency: CurrencyCode): SalesSummary;
//# sourceMappingURL=figures.d.ts.map