/**
 * Card refunds left pending: a refund is reserved in the order's unit of work and then asked of
 * the provider; if the provider cannot be reached (or the process dies in between), it stays
 * pending until someone asks again. `refund_pending_since` (the oldest pending refund's time, null
 * when none) lets reconciliation find those orders through a small partial index instead of
 * reading every order's JSON. Existing orders are filled in from their JSON here.
 */
export const pendingRefunds = `
ALTER TABLE orders ADD COLUMN refund_pending_since INTEGER;
CREATE INDEX orders_refund_pending ON orders (refund_pending_since, id) WHERE refund_pending_since IS NOT NULL;

UPDATE orders SET refund_pending_since = (
  SELECT MIN(json_extract(refund.value, '$.at."$date"'))
  FROM json_each(orders.details, '$.payment.refunds') AS refund
  WHERE json_extract(refund.value, '$.status') = 'pending'
);
`;
