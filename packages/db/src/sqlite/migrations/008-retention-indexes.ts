/**
 * Indexes the retention job's deletes walk (`sqlite/retention.ts`): without them each batch
 * would scan its whole table while holding the write lock. The outbox and webhook events already
 * have (status, time) indexes.
 */
export const retentionIndexes = `
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX password_resets_expires ON password_resets (expires_at);
`;
