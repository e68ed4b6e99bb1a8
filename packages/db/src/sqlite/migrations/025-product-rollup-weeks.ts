/**
 * Best sellers by week beside best sellers by day (issue 28): the dashboard's 30-day best sellers
 * summed a row per product per day, ~6,000 rows once most of the catalog sells daily. A week row
 * (the week starting Monday, of the store's days) holds the sum of its days, so a period reads its
 * whole weeks from here and only the days at either end by day: about a third of the rows.
 *
 * Triggers keep the weeks from the day rows, in the same statement's transaction, whoever writes
 * them (an order's rollup delta, a rebuild's delete and recompute), so the two can never disagree.
 */
export const productRollupWeeks = `
CREATE TABLE sales_rollup_product_weeks (
  week TEXT NOT NULL,
  currency TEXT NOT NULL,
  product_id TEXT NOT NULL,
  units INTEGER NOT NULL,
  revenue_minor INTEGER NOT NULL,
  PRIMARY KEY (week, currency, product_id)
) WITHOUT ROWID;
INSERT INTO sales_rollup_product_weeks (week, currency, product_id, units, revenue_minor)
  SELECT date(day, '-6 days', 'weekday 1'), currency, product_id, SUM(units), SUM(revenue_minor) FROM sales_rollup_products GROUP BY 1, 2, 3;

CREATE TRIGGER sales_rollup_weeks_insert AFTER INSERT ON sales_rollup_products BEGIN
  INSERT INTO sales_rollup_product_weeks (week, currency, product_id, units, revenue_minor)
    VALUES (date(NEW.day, '-6 days', 'weekday 1'), NEW.currency, NEW.product_id, NEW.units, NEW.revenue_minor)
    ON CONFLICT (week, currency, product_id) DO UPDATE SET units = units + excluded.units, revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER sales_rollup_weeks_update AFTER UPDATE ON sales_rollup_products BEGIN
  UPDATE sales_rollup_product_weeks SET units = units - OLD.units, revenue_minor = revenue_minor - OLD.revenue_minor
    WHERE week = date(OLD.day, '-6 days', 'weekday 1') AND currency = OLD.currency AND product_id = OLD.product_id;
  INSERT INTO sales_rollup_product_weeks (week, currency, product_id, units, revenue_minor)
    VALUES (date(NEW.day, '-6 days', 'weekday 1'), NEW.currency, NEW.product_id, NEW.units, NEW.revenue_minor)
    ON CONFLICT (week, currency, product_id) DO UPDATE SET units = units + excluded.units, revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER sales_rollup_weeks_delete AFTER DELETE ON sales_rollup_products BEGIN
  UPDATE sales_rollup_product_weeks SET units = units - OLD.units, revenue_minor = revenue_minor - OLD.revenue_minor
    WHERE week = date(OLD.day, '-6 days', 'weekday 1') AND currency = OLD.currency AND product_id = OLD.product_id;
END;
`;
