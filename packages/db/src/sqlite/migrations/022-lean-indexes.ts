/**
 * Indexes that cost their size for every order kept (decision record 135):
 * - The audit log gets an INTEGER row key (`seq`, the order entries were appended in) and its
 *   listings page by `at` then `seq`, so each of its indexes carries the 8-byte-or-less row key
 *   instead of repeating the 36-character entry id; the id stays a column (nothing looks an entry
 *   up by it, so it has no index of its own).
 * - `order_lines` is keyed by its primary key itself (WITHOUT ROWID): no separate index repeating
 *   every order id.
 * - `orders_phone` goes: the search matches a phone's last digits (`GLOB '*…'`), which no index
 *   can seek, and no other query reads it. `orders_payment_intent` keeps only orders that have an
 *   intent (cash and wallet orders have none).
 */
export const leanIndexes = `
CREATE TABLE audit_log_lean (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  reason TEXT,
  request_id TEXT,
  -- the record before and after the change, compact JSON (decision record 134)
  before BLOB NOT NULL,
  after BLOB NOT NULL
);
INSERT INTO audit_log_lean (id, at, actor_id, action, target_type, target_id, reason, request_id, before, after)
  SELECT id, at, actor_id, action, target_type, target_id, reason, request_id, before, after FROM audit_log ORDER BY at, id;
DROP TABLE audit_log;
ALTER TABLE audit_log_lean RENAME TO audit_log;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
CREATE INDEX audit_log_target_at ON audit_log (target_type, target_id, at);

CREATE TABLE order_lines_lean (
  order_id TEXT NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  placed_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;
INSERT INTO order_lines_lean SELECT order_id, line_no, product_id, quantity, total_minor, placed_at FROM order_lines;
DROP TABLE order_lines;
ALTER TABLE order_lines_lean RENAME TO order_lines;
CREATE INDEX order_lines_placed ON order_lines (placed_at);

DROP INDEX orders_phone;
DROP INDEX orders_payment_intent;
CREATE INDEX orders_payment_intent ON orders (payment_intent_id) WHERE payment_intent_id IS NOT NULL;
`;
