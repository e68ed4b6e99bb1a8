import type { IssuedTaxDocument, TaxDocument, TaxDocumentRepository } from "@bbscart/core";
import { packJson, unpackJson } from "../compact.js";
import type { Executor } from "../executor.js";
import { LIMIT_BOUND } from "../limit.js";

interface TaxDocumentRow {
  order_id: string;
  refund_id: string | null;
  document: Buffer;
}

const toIssued = (row: TaxDocumentRow): IssuedTaxDocument => ({ orderId: row.order_id, refundId: row.refund_id, document: unpackJson<TaxDocument>(row.document) });

/** Issued documents, stored whole (compact JSON, decision record 134) beside the columns their unique rules and look-ups need. */
export function sqliteTaxDocuments(ex: Executor): TaxDocumentRepository {
  return {
    // The same guarded counter as order numbers: one statement inside the unit of work's write lock.
    nextNumber: (series) =>
      ex.writeStatement(
        (c) =>
          (
            c.prepare("INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value").get(`tax:${series}`) as {
              value: number;
            }
          ).value,
      ),
    issue: ({ orderId, refundId, document }) =>
      ex.writeStatement((c) => {
        c.prepare("INSERT INTO tax_documents (number, order_id, refund_id, kind, issued_at, document) VALUES (?, ?, ?, ?, ?, ?)").run(
          document.number,
          orderId,
          refundId,
          document.kind,
          document.issuedAt,
          packJson(document),
        );
      }),
    // rowid is the order of insertion: the invoice, then its credit notes as they were booked.
    listForOrder: (orderId) =>
      ex.read((c) => (c.prepare("SELECT order_id, refund_id, document FROM tax_documents WHERE order_id = ? ORDER BY rowid").all(orderId) as TaxDocumentRow[]).map(toIssued)),
    findByNumber: (number) =>
      ex.read((c) => {
        const row = c.prepare("SELECT order_id, refund_id, document FROM tax_documents WHERE number = ?").get(number) as TaxDocumentRow | undefined;
        return row ? toIssued(row) : null;
      }),
    pageIssued: (kinds, range, after, limit) =>
      ex.read((c) => {
        if (kinds.length === 0) return [];
        // issued_at is ISO 8601 in UTC throughout, so text order is time order.
        const rows = c
          .prepare(
            `SELECT document FROM tax_documents WHERE kind IN (${kinds.map(() => "?").join(", ")}) AND issued_at >= ? AND issued_at < ? AND (issued_at, number) > (?, ?) ORDER BY issued_at, number ${LIMIT_BOUND}`,
          )
          .all(...kinds, range.from.toISOString(), range.to.toISOString(), after?.issuedAt ?? "", after?.number ?? "", limit) as { document: Buffer }[];
        return rows.map((row) => unpackJson<TaxDocument>(row.document));
      }),
  };
}
