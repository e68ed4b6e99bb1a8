import { money } from "../money/money.js";
/** The net of one day's (or a period's) figures. */
export function netOf(figures) {
    return money(figures.gross.minor - figures.refunds.minor, figures.gross.currency);
}
/** Adds up `days` in `currency` (days in another currency are not this summary's). */
export function summarize(days, currency) {
    const mine = days.filter((day) => day.currency === currency);
    const orders = mine.reduce((n, day) => n + day.orders, 0);
    const gross = mine.reduce((n, day) => n + day.gross.minor, 0);
    const refunds = mine.reduce((n, day) => n + day.refunds.minor, 0);
    return {
        orders,
        gross: money(gross, currency),
        refunds: money(refunds, currency),
        net: money(gross - refunds, currency),
        averageOrderValue: money(orders === 0 ? 0 : Math.floor((gross + Math.floor(orders / 2)) / orders), currency),
    };
}
//# sourceMappingURL=figures.js.map