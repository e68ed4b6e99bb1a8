/**
 * Guest checkout (ADR 141): an order's owner may be null (a guest's order until an account claims
 * it), and `guest_email` copies the guest's normalised email so a claim finds their orders. SQLite
 * cannot drop a NOT NULL in place, so `orders` is rebuilt with the same columns and indexes.
 * `order_lines` references `orders`: with the check deferred to commit, dropping the old table
 * leaves its lines orphaned only until the same rows are copied back, and the commit verifies it.
 */
export const guestOrders = `
PRAGMA defer_foreign_keys = ON;
CREATE TABLE orders_before_guests AS SELECT * FROM orders;
DROP TABLE orders;
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  user_id TEXT,
  status TEXT NOT NULL,
  payment_status TEXT NOT NULL,
  payment_method TEXT NOT NULL,
  payment_intent_id TEXT,
  currency TEXT NOT NULL,
  subtotal_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  delivery_fee_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  coupon_code TEXT,
  idempotency_key TEXT NOT NULL,
  placed_at INTEGER NOT NULL,
  expires_at INTEGER,
  version INTEGER NOT NULL,
  details TEXT NOT NULL,
  refund_pending_since INTEGER,
  number TEXT,
  phone TEXT,
  guest_email TEXT
);
INSERT INTO orders (id, user_id, status, payment_status, payment_method, payment_intent_id, currency, subtotal_minor, discount_minor,
    delivery_fee_minor, tax_minor, total_minor, coupon_code, idempotency_key, placed_at, expires_at, version, details,
    refund_pending_since, number, phone)
  SELECT id, user_id, status, payment_status, payment_method, payment_intent_id, currency, subtotal_minor, discount_minor,
    delivery_fee_minor, tax_minor, total_minor, coupon_code, idempotency_key, placed_at, expires_at, version, details,
    refund_pending_since, number, phone
  FROM orders_before_guests;
DROP TABLE orders_before_guests;
CREATE INDEX orders_placed ON orders (placed_at, id);
CREATE INDEX orders_status_placed ON orders (status, placed_at, id);
CREATE INDEX orders_payment_status_placed ON orders (payment_status, placed_at, id);
CREATE INDEX orders_user_placed ON orders (user_id, placed_at, id);
CREATE INDEX orders_expiring ON orders (expires_at, id) WHERE status = 'pending_payment';
CREATE INDEX orders_awaiting_payment ON orders (placed_at, id)
  WHERE status = 'pending_payment' AND payment_method = 'card' AND payment_intent_id IS NOT NULL;
CREATE INDEX orders_payment_intent ON orders (payment_intent_id);
CREATE INDEX orders_payment_method_placed ON orders (payment_method, placed_at, id);
CREATE INDEX orders_refund_pending ON orders (refund_pending_since, id) WHERE refund_pending_since IS NOT NULL;
CREATE UNIQUE INDEX orders_number ON orders (number);
CREATE INDEX orders_phone ON orders (phone);
CREATE INDEX orders_coupon ON orders (coupon_code) WHERE coupon_code IS NOT NULL;
CREATE INDEX orders_guest_email ON orders (guest_email) WHERE user_id IS NULL;
`;
