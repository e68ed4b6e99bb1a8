/**
 * Short human order numbers (`BB-10423`): `counters` holds the store's order sequence, bumped in
 * the placing transaction; `orders.number` is unique. `orders.phone` copies the delivery phone
 * for the admin's search. Existing orders are numbered in the order they were placed, and the
 * sequence continues after them.
 */
export const orderNumbers = `
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE orders ADD COLUMN number TEXT;
ALTER TABLE orders ADD COLUMN phone TEXT;

UPDATE orders SET
  number = 'BB-' || (10000 + (SELECT COUNT(*) FROM orders AS earlier
    WHERE earlier.placed_at < orders.placed_at OR (earlier.placed_at = orders.placed_at AND earlier.id <= orders.id))),
  phone = json_extract(details, '$.address.phone');

INSERT INTO counters (name, value) SELECT 'order_number', COUNT(*) FROM orders;

CREATE UNIQUE INDEX orders_number ON orders (number);
CREATE INDEX orders_phone ON orders (phone);
`;
