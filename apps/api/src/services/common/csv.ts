import type { Money } from "@bbscart/core";

/**
 * A cell before quoting: text (escaped), a number, nothing (an empty cell), or a decimal the
 * exporter itself produced (`{ decimal }`: digits, a dot, perhaps a minus; never escaped, so a
 * negative amount stays a number in the spreadsheet).
 */
export type CsvCell = string | number | null | { readonly decimal: string };

/** UTF-8 byte order mark: without it Excel reads UTF-8 files (₹, Devanagari names) as Windows-1252. */
export const CSV_BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): `=`, `+`,
 * `-`, `@`, and tab / carriage return, which some spreadsheets strip before looking for them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as RFC 4180 text. Text that a spreadsheet would run as a formula gets a leading
 * apostrophe (shown as text, never executed); numbers are ours and stay numbers, so a negative
 * amount is not mistaken for a formula. Quotes are doubled and the cell quoted when it holds a
 * comma, quote, CR or LF.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "object") return value.decimal;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`csvCell: ${value} is not a finite number`);
    return String(value);
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Money as an accountant types it: rupees with exactly two decimals (`1234.50`), from integer
 * minor units without floating point (the currency goes in its own column).
 */
export function rupees(amount: Money): { readonly decimal: string } {
  if (!Number.isSafeInteger(amount.minor)) throw new Error(`rupees: ${amount.minor} is not a safe integer`);
  const abs = Math.abs(amount.minor);
  return { decimal: `${amount.minor < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}` };
}

/**
 * Turns pages of records into CSV text chunks: the BOM and header first, then one chunk per
 * page, so the HTTP layer writes each page as it arrives and memory holds one page at a time.
 */
export async function* csvChunks<T>(header: readonly string[], pages: AsyncIterable<readonly T[]>, toCells: (record: T) => readonly CsvCell[]): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(header);
  for await (const page of pages) {
    if (page.length > 0) yield page.map((record) => csvRow(toCells(record))).join("");
  }
}
