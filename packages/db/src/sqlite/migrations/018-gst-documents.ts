/**
 * GST invoices and credit notes (decision record 150): `tax_documents` keeps each document as
 * issued (frozen JSON), numbered from `counters` rows named `tax:<series>` bumped in the issuing
 * transaction. One invoice (or bill of supply) per order and one credit note per refund, by partial
 * unique indexes. Products get their HSN or SAC code.
 */
export const gstDocuments = `
CREATE TABLE tax_documents (
  number TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  refund_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('tax-invoice', 'bill-of-supply', 'credit-note')),
  issued_at TEXT NOT NULL,
  document TEXT NOT NULL
);

CREATE INDEX tax_documents_order ON tax_documents (order_id);
-- The registers page through a date range by issue time then number.
CREATE INDEX tax_documents_issued ON tax_documents (issued_at, number);
CREATE UNIQUE INDEX tax_documents_order_invoice ON tax_documents (order_id) WHERE kind <> 'credit-note';
CREATE UNIQUE INDEX tax_documents_refund ON tax_documents (refund_id) WHERE refund_id IS NOT NULL;

ALTER TABLE products ADD COLUMN hsn_code TEXT;
`;
