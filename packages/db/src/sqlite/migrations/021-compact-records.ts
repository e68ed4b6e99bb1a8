/**
 * The records an order's life leaves in their compact stored form (decision record 134): an order's
 * details, an issued tax document, an audit entry's before/after and an outbox message's notification become dictionary-deflated JSON
 * (`compact_json`, the repositories' own `packJson`). The reports that added up captured and
 * refunded amounts from the details' JSON read two columns instead, copied here from it.
 */
export const compactRecords = `
ALTER TABLE orders ADD COLUMN captured_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET
  captured_minor = json_extract(details, '$.payment.captured.minor'),
  refunded_minor = json_extract(details, '$.payment.refunded.minor'),
  details = compact_json(details);
UPDATE tax_documents SET document = compact_json(document);
UPDATE audit_log SET before = compact_json(before), after = compact_json(after);
UPDATE outbox SET notification = compact_json(notification);
`;
