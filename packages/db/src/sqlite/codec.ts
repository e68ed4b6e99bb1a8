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

/**
 * Parsed without a reviver, then walked once: a reviver is called for every value of the document
 * and made reading an order's details 3× slower than the parse itself.
 */
export function decodeJson<T>(text: string): T {
  return withDates(JSON.parse(text) as unknown) as T;
}

/** `value` with every `{"$date": ms}` object (that key alone) replaced by its Date, in place. */
function withDates(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null) {
        const revived = withDates(item);
        if (revived !== item) value[i] = revived;
      }
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const ms = record[DATE_TAG];
  if (typeof ms === "number" && Object.hasOwn(record, DATE_TAG) && onlyKey(record)) return new Date(ms);
  for (const key in record) {
    const item = record[key];
    if (typeof item === "object" && item !== null) {
      const revived = withDates(item);
      // Written only when it changed, so no key (`__proto__` included) is ever assigned otherwise.
      if (revived !== item) record[key] = revived;
    }
  }
  return record;
}

function onlyKey(record: Record<string, unknown>): boolean {
  let keys = 0;
  for (const _key in record) keys++;
  return keys === 1;
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
