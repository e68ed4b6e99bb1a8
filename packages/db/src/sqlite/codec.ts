/**
 * Row ↔ domain conversions shared by every repository. Dates are stored as integer epoch
 * milliseconds everywhere (columns and JSON), booleans as 0/1, money as integer minor units
 * beside a currency column.
 */

export type SqlValue = string | number | bigint | Buffer | null;

export const toMs = (date: Date): number => date.getTime();
export const toMsOrNull = (date: Date | null): number | null => (date === null ? null : date.getTime());
export const fromMs = (ms: number): Date => new Date(ms);
export const fromMsOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value === 1;

const DATE_TAG = "$date";

/**
 * JSON for nested values (order lines, history, addresses…). Dates keep their type by being
 * written as `{"$date": ms}`, so a round trip gives back `Date` objects, not strings.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.getTime() } : encoded;
  });
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const entries = Object.entries(value);
      const first = entries[0];
      if (entries.length === 1 && first && first[0] === DATE_TAG && typeof first[1] === "number") return new Date(first[1]);
    }
    return value;
  }) as T;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An id as a column that only equality reads (decision record 135): a canonical (lowercase) UUID
 * as its 16 bytes instead of 36 characters, any other id as its text. Both ways are exact, so
 * `idFromSql(idToSql(id)) === id` for every string, and equal ids stay equal.
 */
export function idToSql(id: string): string | Buffer {
  return CANONICAL_UUID.test(id) ? Buffer.from(id.replaceAll("-", ""), "hex") : id;
}

export function idFromSql(value: string | Uint8Array): string {
  if (typeof value === "string") return value;
  const hex = Buffer.from(value).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stock and redemption amounts are positive integers; anything else is a caller bug. */
export function positiveQuantity(quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  return quantity;
}

/** `?, ?, ?` placeholders are avoided for id lists: one JSON array parameter, expanded by `json_each`. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);

/** A GLOB pattern matching strings that start with `prefix` literally; index-friendly on BINARY columns. */
export function globPrefix(prefix: string): string {
  return `${prefix.replace(/[*?[\]]/g, (c) => `[${c}]`)}*`;
}
