/**
 * Admin order reports.
 * - `orders_payment_method_placed`: the admin list filtered by payment method, newest first.
 * - `order_lines`: one row per order line, written with the order, so top products read the
 *   lines of a period through `order_lines_placed` instead of decoding every order's JSON.
 *   Lines never change after placement; status and currency are read from the order, whose
 *   primary key the join uses. Existing orders' lines are copied from their JSON here.
 */
export const orderReports = `
CREATE INDEX orders_payment_method_placed ON orders (payment_method, placed_at, id);

CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  placed_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_placed ON order_lines (placed_at);

INSERT INTO order_lines (order_id, line_no, product_id, quantity, total_minor, placed_at)
  SELECT o.id, line.key, json_extract(line.value, '$.productId'), json_extract(line.value, '$.quantity'),
         json_extract(line.value, '$.total.minor'), o.placed_at
  FROM orders o, json_each(o.details, '$.lines') AS line;
`;
