import { money, type CurrencyCode, type Money } from "../money/money.js";

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

/**
 * The paid orders that used one coupon, in one currency, counted as the dashboard counts them
 * (captured > 0; refunds subtracted for the net): what the coupon brought in.
 */
export interface CouponSales {
  readonly code: string;
  readonly currency: CurrencyCode;
  readonly orders: number;
  readonly gross: Money;
  readonly refunds: Money;
}

/**
 * One customer's orders at a glance: every order they placed counts (whatever became of it), and
 * what they spent is, per currency, what their paid orders captured less what was refunded — the
 * dashboard's net, for one customer.
 */
export interface CustomerOrders {
  readonly userId: string;
  readonly orders: number;
  readonly lastOrderAt: Date;
  /** One amount per currency they paid in, by currency code; empty when nothing was paid. */
  readonly spent: readonly Money[];
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
export function netOf(figures: Pick<DailyFigures, "gross" | "refunds">): Money {
  return money(figures.gross.minor - figures.refunds.minor, figures.gross.currency);
}

/** Adds up `days` in `currency` (days in another currency are not this summary's). */
export function summarize(days: readonly DailyFigures[], currency: CurrencyCode): SalesSummary {
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
