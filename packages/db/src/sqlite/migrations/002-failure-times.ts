/**
 * When a webhook event or an outbox message last failed, and when a webhook event was last
 * claimed (so an event left in `processing` by a crashed worker can be claimed again once
 * stale). Existing rows get null: no failure or claim time was recorded before.
 */
export const failureTimes = `
ALTER TABLE webhook_events ADD COLUMN claimed_at INTEGER;
ALTER TABLE webhook_events ADD COLUMN last_failed_at INTEGER;
ALTER TABLE outbox ADD COLUMN last_failed_at INTEGER;
`;
