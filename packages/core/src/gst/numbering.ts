import { dateTimeFormat } from "../intl/formats.js";
import { BILL_OF_SUPPLY_PREFIX, CREDIT_NOTE_PREFIX } from "./tax-settings.js";
import type { TaxDocumentKind } from "./document.js";

/** GST caps a document number at 16 characters (CGST rule 46(b)). */
export const MAX_DOCUMENT_NUMBER_LENGTH = 16;

/**
 * The Indian financial year (April to March) that `at` falls in, as the store's calendar in
 * `timeZone` reads it: "25-26" for 1 April 2025 to 31 March 2026. Numbering restarts every year.
 */
export function financialYear(at: Date, timeZone: string): string {
  const parts = dateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric" }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  const start = month >= 4 ? year : year - 1;
  const two = (y: number) => String(y % 100).padStart(2, "0");
  return `${two(start)}-${two(start + 1)}`;
}

/**
 * The series a document is numbered in: one per kind and financial year, and per invoice prefix (a
 * changed prefix starts its own series, so no number is ever issued twice). Counters are keyed by it.
 */
export function documentSeries(kind: TaxDocumentKind, invoicePrefix: string, fy: string): string {
  const prefix = kind === "credit-note" ? CREDIT_NOTE_PREFIX : kind === "bill-of-supply" ? BILL_OF_SUPPLY_PREFIX : invoicePrefix;
  return `${prefix}/${fy}/`;
}

/** The `sequence`-th number (1, 2, …) of a series, zero-padded to six digits: `INV/25-26/000123`. */
export function documentNumber(series: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`documentNumber: ${sequence} is not a sequence number`);
  const number = `${series}${String(sequence).padStart(6, "0")}`;
  // A three-letter prefix leaves six digits: a million documents of one kind in one year is past what this shop is built for.
  if (number.length > MAX_DOCUMENT_NUMBER_LENGTH) throw new RangeError(`documentNumber: ${number} is longer than ${MAX_DOCUMENT_NUMBER_LENGTH} characters`);
  return number;
}
