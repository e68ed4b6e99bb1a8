/**
 * Returns by line (ADR 094): an order's returns live in its details as `returns`, one entry per
 * return with its lines, replacing the whole-order `returnReason` and `restocked`. An order saved
 * before this in a return status gets one return, `R1`, of every unit of every line, in the stage
 * its status says, with its reason as free text ("other") and no computed amount: it was refunded
 * by hand, as it was then. Every other order gets no returns. Data only; no column changes.
 */
export const returnsByLine = `
UPDATE orders SET details = json_remove(
  json_set(details, '$.returns', json(CASE WHEN status IN ('return_requested', 'return_approved', 'return_rejected', 'return_received') THEN
    json_array(json_object(
      'id', 'R1',
      'status', CASE status WHEN 'return_requested' THEN 'requested' WHEN 'return_approved' THEN 'approved' WHEN 'return_rejected' THEN 'rejected' ELSE 'received' END,
      'reason', 'other',
      'note', details ->> '$.returnReason',
      'requestedAt', json((SELECT h.value -> '$.at' FROM json_each(details, '$.history') AS h
        WHERE h.value ->> '$.event' = 'request_return' ORDER BY h.key DESC LIMIT 1)),
      'lines', json((SELECT json_group_array(json_object(
          'variantId', l.value ->> '$.variantId',
          'quantity', l.value ->> '$.quantity',
          'approved', json(CASE status WHEN 'return_requested' THEN 'null' WHEN 'return_rejected' THEN 'false' ELSE 'true' END),
          'amount', NULL,
          'tax', NULL))
        FROM json_each(details, '$.lines') AS l)),
      'delivery', NULL,
      'amount', NULL,
      'overrideReason', NULL,
      'destination', NULL,
      'refundId', NULL,
      'restocked', json(details -> '$.restocked')
    ))
  ELSE '[]' END)),
  '$.returnReason', '$.restocked')
WHERE json_type(details, '$.returns') IS NULL;
`;
