/**
 * Row ↔ domain conversions shared by every repository. Dates are stored as integer epoch
 * milliseconds everywhere (columns and JSON), booleans as 0/1, money as integer minor units
 * beside a currency column.
 */

export type SqlValue = string | number | bigint | null;

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
