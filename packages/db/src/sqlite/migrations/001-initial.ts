/**
 * The first schema. Conventions: dates are integer epoch ms (`*_at`), booleans 0/1, money is
 * `*_minor` integers beside a currency column, nested value objects are JSON (`codec.ts`).
 * Unique indexes are exactly the port's `UniqueKey`s; every other index serves a query path
 * named beside it. Tables that are rendered into a search index have an INTEGER PRIMARY KEY
 * (`seq`), because VACUUM may renumber implicit rowids and the FTS table refers to them.
 */
export const initialSchema = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('shopper', 'admin')),
  permissions TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  addresses TEXT NOT NULL,
  -- the authenticator secret and when it was confirmed (JSON), null when two-factor is off
  totp TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);
-- admin user list, newest first, optionally by role
CREATE INDEX users_created ON users (created_at, id);
CREATE INDEX users_role_created ON users (role, created_at, id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  family_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  rotated_at INTEGER,
  revoked_at INTEGER
);
CREATE UNIQUE INDEX sessions_token_hash ON sessions (token_hash);
CREATE INDEX sessions_family ON sessions (family_id);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_resets (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE UNIQUE INDEX password_resets_token_hash ON password_resets (token_hash);

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id TEXT
);
CREATE UNIQUE INDEX categories_slug ON categories (slug);

CREATE TABLE products (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  category_id TEXT NOT NULL,
  active INTEGER NOT NULL,
  images TEXT NOT NULL,
  tax_rate_bp INTEGER,
  -- cheapest active variant, kept by every variant write: price filters and sorts use it
  min_price_minor INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX products_slug ON products (slug);
-- catalog sorts (newest, name, price both ways), each with the id tie-break the cursor needs
CREATE INDEX products_created ON products (created_at, id);
CREATE INDEX products_name ON products (name COLLATE NOCASE, id);
CREATE INDEX products_price_asc ON products (IFNULL(min_price_minor, 9007199254740991), id);
CREATE INDEX products_price_desc ON products (IFNULL(min_price_minor, -1), id);
CREATE INDEX products_category_created ON products (category_id, created_at, id);

CREATE TABLE variants (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  price_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  on_hand INTEGER NOT NULL,
  reserved INTEGER NOT NULL,
  active INTEGER NOT NULL,
  -- the stock invariant, as a last line of defence behind the guarded writes
  CHECK (reserved >= 0 AND reserved <= on_hand)
);
CREATE UNIQUE INDEX variants_sku ON variants (sku);
-- a product's variants in order; the in-stock filter
CREATE INDEX variants_product ON variants (product_id, seq);
-- low-stock dashboard: lowest available first among active variants
CREATE INDEX variants_available ON variants (on_hand - reserved, id) WHERE active = 1;

-- name, description, SKUs and category name of each product; rowid = products.seq
CREATE VIRTUAL TABLE product_search USING fts5 (
  name, description, skus, category,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE carts (
  id TEXT PRIMARY KEY,
  user_id TEXT,
  guest_id TEXT,
  currency TEXT NOT NULL,
  lines TEXT NOT NULL,
  coupon_code TEXT,
  updated_at INTEGER NOT NULL
);
CREATE INDEX carts_user ON carts (user_id, updated_at);
CREATE INDEX carts_guest ON carts (guest_id, updated_at);

CREATE TABLE coupons (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('percentage', 'fixed')),
  percent_bp INTEGER,
  -- fixed: the amount off; percentage: the cap (nullable)
  value_minor INTEGER,
  value_currency TEXT,
  active INTEGER NOT NULL,
  min_order_minor INTEGER,
  min_order_currency TEXT,
  starts_at INTEGER,
  expires_at INTEGER,
  usage_limit INTEGER,
  used_count INTEGER NOT NULL CHECK (used_count >= 0),
  per_customer_limit INTEGER
);

CREATE TABLE coupon_redemptions (
  code TEXT NOT NULL REFERENCES coupons (code),
  user_id TEXT NOT NULL,
  uses INTEGER NOT NULL CHECK (uses >= 0),
  PRIMARY KEY (code, user_id)
);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
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
  -- lines, address, payment details, tracking, history… (read whole, never queried)
  details TEXT NOT NULL
);
-- admin list (all, by status, by payment status) and a shopper's orders, newest first
CREATE INDEX orders_placed ON orders (placed_at, id);
CREATE INDEX orders_status_placed ON orders (status, placed_at, id);
CREATE INDEX orders_payment_status_placed ON orders (payment_status, placed_at, id);
CREATE INDEX orders_user_placed ON orders (user_id, placed_at, id);
-- expiry job; reconciliation of card payments
CREATE INDEX orders_expiring ON orders (expires_at, id) WHERE status = 'pending_payment';
CREATE INDEX orders_awaiting_payment ON orders (placed_at, id)
  WHERE status = 'pending_payment' AND payment_method = 'card' AND payment_intent_id IS NOT NULL;
CREATE INDEX orders_payment_intent ON orders (payment_intent_id);

CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  result_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, scope, key)
);

CREATE TABLE ledger_transfers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  debit_account TEXT NOT NULL,
  credit_account TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency TEXT NOT NULL,
  kind TEXT NOT NULL,
  reference TEXT NOT NULL,
  memo TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ledger_transfers_id ON ledger_transfers (id);
-- statements (either side of a transfer, newest first) and derived balances
CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account, created_at, id);
CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account, created_at, id);
CREATE INDEX ledger_transfers_reference ON ledger_transfers (reference, created_at, id);

CREATE TABLE ledger_balances (
  account TEXT NOT NULL,
  currency TEXT NOT NULL,
  balance_minor INTEGER NOT NULL,
  PRIMARY KEY (account, currency)
);

CREATE TABLE webhook_events (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT,
  processed_at INTEGER
);
CREATE INDEX webhook_events_received ON webhook_events (received_at, id);
CREATE INDEX webhook_events_status_received ON webhook_events (status, received_at, id);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  notification TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT
);
CREATE INDEX outbox_created ON outbox (created_at, id);
CREATE INDEX outbox_status_created ON outbox (status, created_at, id);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  reason TEXT,
  request_id TEXT,
  -- JSON snapshots of the record before and after the change
  before TEXT NOT NULL,
  after TEXT NOT NULL
);
-- the audit view, newest first: all, by actor, by action, by target (each with a time range)
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at, id);
CREATE INDEX audit_log_action_at ON audit_log (action, at, id);
CREATE INDEX audit_log_target_at ON audit_log (target_type, target_id, at, id);

-- one row: the store settings document
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  document TEXT NOT NULL
);
`;
