/**
 * Indexes that cost their size for every order kept (decision record 135):
 * - The audit log gets an INTEGER row key (`seq`, the order entries were appended in) and its
 *   listings page by `at` then `seq`, so each of its indexes carries the 8-byte-or-less row key
 *   instead of repeating the 36-character entry id; the id stays a column (nothing looks an entry
 *   up by it, so it has no index of its own). Its ids — entry, actor, target, request — are read
 *   only by equality, so a UUID among them is kept as its 16 bytes (`compact_id`, the repository's
 *   own `idToSql`).
 * - `order_lines` goes: the dashboard's best sellers come from its rollups (decision record 131),
 *   and while those are rebuilt, from the orders' own lines; a copy of every line kept for good
 *   served only that fallback.
 * - The ledger's account and reference indexes end at the time, the row key following it anyway:
 *   the statement sorts its page itself (it reads an account as debit or credit), so repeating the
 *   transfer id (~60 characters) in three indexes bought no order it did not already have.
 * - `orders_phone` goes: the search matches a phone's last digits (`GLOB '*…'`), which no index
 *   can seek, and no other query reads it. `orders_payment_intent` keeps only orders that have an
 *   intent (cash and wallet orders have none).
 */
export const leanIndexes = `
CREATE TABLE audit_log_lean (
  seq INTEGER PRIMARY KEY,
  -- ids: a UUID's 16 bytes, any other id as text
  id BLOB NOT NULL,
  at INTEGER NOT NULL,
  actor_id BLOB NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id BLOB NOT NULL,
  reason TEXT,
  request_id BLOB,
  -- the record before and after the change, compact JSON (decision record 134)
  before BLOB NOT NULL,
  after BLOB NOT NULL
);
INSERT INTO audit_log_lean (id, at, actor_id, action, target_type, target_id, reason, request_id, before, after)
  SELECT compact_id(id), at, compact_id(actor_id), action, target_type, compact_id(target_id), reason, compact_id(request_id), before, after
  FROM audit_log ORDER BY at, id;
DROP TABLE audit_log;
ALTER TABLE audit_log_lean RENAME TO audit_log;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
CREATE INDEX audit_log_target_at ON audit_log (target_type, target_id, at);

DROP TABLE order_lines;

DROP INDEX ledger_transfers_debit;
DROP INDEX ledger_transfers_credit;
DROP INDEX ledger_transfers_reference;
CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account, created_at);
CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account, created_at);
CREATE INDEX ledger_transfers_reference ON ledger_transfers (reference, created_at);

DROP INDEX orders_phone;
DROP INDEX orders_payment_intent;
CREATE INDEX orders_payment_intent ON orders (payment_intent_id) WHERE payment_intent_id IS NOT NULL;
`;
