/**
 * The owner's figures kept per store day (ADR 131): paid orders, gross, refunds and units per day
 * and currency; units and revenue per product, day and currency. `rollup_state` says which zone
 * the days are in and whether every order is in them. No row is written here: a database from
 * before this has no state, so the dashboard recounts orders until the API's first start
 * rebuilds the rollups in short batches (ADR 132).
 */
export const salesRollups = `
CREATE TABLE rollup_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  time_zone TEXT NOT NULL,
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  generation TEXT NOT NULL
);
CREATE TABLE sales_rollup_days (
  day TEXT NOT NULL,
  currency TEXT NOT NULL,
  orders INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  refunds_minor INTEGER NOT NULL,
  units INTEGER NOT NULL,
  PRIMARY KEY (day, currency)
) WITHOUT ROWID;
CREATE TABLE sales_rollup_products (
  day TEXT NOT NULL,
  currency TEXT NOT NULL,
  product_id TEXT NOT NULL,
  units INTEGER NOT NULL,
  revenue_minor INTEGER NOT NULL,
  PRIMARY KEY (day, currency, product_id)
) WITHOUT ROWID;
`;
