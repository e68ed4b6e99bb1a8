import type { TaxDocument, TaxDocumentKind } from "@bbscart/core";
import { csvChunks, rupees, type CsvCell } from "../common/index.js";

/**
 * The GSTR-1-friendly registers (ADR 154): one row per document and GST rate, because GSTR-1
 * reports each invoice's taxable value and taxes rate by rate, repeating the invoice value on
 * every row of the invoice. Figures come from the documents as issued, never recomputed.
 */

const PARTY_COLUMNS = ["buyer_gstin", "buyer_name", "place_of_supply", "supply_type"] as const;
const FIGURE_COLUMNS = ["rate", "taxable_value", "igst", "cgst", "sgst"] as const;

const INVOICE_REGISTER_HEADER = ["document_type", "invoice_number", "invoice_date", ...PARTY_COLUMNS, "order_number", ...FIGURE_COLUMNS, "invoice_value"] as const;
const CREDIT_NOTE_REGISTER_HEADER = ["credit_note_number", "credit_note_date", "invoice_number", "invoice_date", ...PARTY_COLUMNS, "order_number", ...FIGURE_COLUMNS, "note_value"] as const;

/** The register's kinds: invoices and bills of supply together (the type column tells them apart), credit notes alone. */
export const REGISTER_KINDS = {
  invoices: ["tax-invoice", "bill-of-supply"],
  "credit-notes": ["credit-note"],
} as const satisfies Record<string, readonly TaxDocumentKind[]>;

export type RegisterName = keyof typeof REGISTER_KINDS;

/** India keeps one zone, IST (UTC+05:30), with no daylight saving: GST dates are days there. */
const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

/** The calendar day in India as ISO `YYYY-MM-DD`, which spreadsheets read as a date. */
function indianDay(iso: string): string {
  return new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days `from`–`to` in India, both included, as the instants [00:00 IST of `from`, 00:00 IST of the day after `to`). */
export function indianDayRange(range: { readonly from: string; readonly to: string }): { from: Date; to: Date } {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - IST_OFFSET_MS;
  return { from: new Date(midnight(range.from)), to: new Date(midnight(range.to) + DAY_MS) };
}

/** A rate in basis points as a percentage with two decimals (1800 → 18.00, 25 → 0.25), exact as the money columns are. */
function ratePercent(rateBp: number): { readonly decimal: string } {
  return { decimal: `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, "0")}` };
}

interface RateRow {
  rateBp: number;
  taxableMinor: number;
  igstMinor: number;
  cgstMinor: number;
  sgstMinor: number;
}

/** The document's lines summed by rate, in ascending rate order (a stable row order for diffs). */
function byRate(doc: TaxDocument): RateRow[] {
  const rows = new Map<number, RateRow>();
  for (const line of doc.lines) {
    const row = rows.get(line.rateBp) ?? { rateBp: line.rateBp, taxableMinor: 0, igstMinor: 0, cgstMinor: 0, sgstMinor: 0 };
    row.taxableMinor += line.taxableMinor;
    row.igstMinor += line.igstMinor;
    row.cgstMinor += line.cgstMinor;
    row.sgstMinor += line.sgstMinor;
    rows.set(line.rateBp, row);
  }
  return [...rows.values()].sort((a, b) => a.rateBp - b.rateBp);
}

function rowsOf(doc: TaxDocument): CsvCell[][] {
  const money = (minor: number) => rupees({ minor, currency: doc.currency });
  const identity: CsvCell[] =
    doc.kind === "credit-note"
      ? [doc.number, indianDay(doc.issuedAt), doc.refersTo?.number ?? null, doc.refersTo ? indianDay(doc.refersTo.issuedAt) : null]
      : [doc.kind, doc.number, indianDay(doc.issuedAt)];
  const party: CsvCell[] = [doc.buyer.gstin, doc.buyer.name, `${doc.placeOfSupply.stateGstCode}-${doc.placeOfSupply.stateName}`, doc.supply, doc.orderNumber];
  return byRate(doc).map((row) => [
    ...identity,
    ...party,
    ratePercent(row.rateBp),
    money(row.taxableMinor),
    money(row.igstMinor),
    money(row.cgstMinor),
    money(row.sgstMinor),
    money(doc.totals.totalMinor),
  ]);
}

/**
 * A register as CSV text chunks, one chunk per page of documents the source yields: memory holds
 * one page, however long the range.
 */
export function registerCsv(name: RegisterName, pages: AsyncIterable<readonly TaxDocument[]>): AsyncGenerator<string> {
  const header = name === "invoices" ? INVOICE_REGISTER_HEADER : CREDIT_NOTE_REGISTER_HEADER;
  return csvChunks(header, flatten(pages), (cells) => cells);
}

/** Pages of documents as pages of rows (a document gives one row per rate). */
async function* flatten(pages: AsyncIterable<readonly TaxDocument[]>): AsyncGenerator<CsvCell[][]> {
  for await (const page of pages) yield page.flatMap(rowsOf);
}
