/**
 * Card top-ups left open: a top-up's idempotency record is written when its payment intent is
 * created and waits for the provider's word. `open_since` (the start, null once the wallet is
 * credited or the intent cancelled unpaid) lets reconciliation find top-ups whose webhook was lost
 * through a small partial index. Records of every other scope are complete when claimed; existing
 * top-ups are open only if no transfer credits them yet.
 */
export const openTopUps = `
ALTER TABLE idempotency_keys ADD COLUMN open_since INTEGER;
CREATE INDEX idempotency_keys_open ON idempotency_keys (scope, open_since) WHERE open_since IS NOT NULL;

UPDATE idempotency_keys SET open_since = created_at
WHERE scope = 'wallet_top_up' AND NOT EXISTS (SELECT 1 FROM ledger_transfers WHERE ledger_transfers.id = 'topup:' || idempotency_keys.result_id);
`;
