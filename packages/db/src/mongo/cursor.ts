import { InvalidCursorError } from "@bbscart/core";

/**
 * Keyset pagination shared by every listing: a page is sorted by one field plus `_id` (both
 * in the same direction), and the opaque cursor is the last item's (value, id). The next
 * page starts strictly after it, so inserts between requests never repeat or skip items.
 *
 * Sort fields are never null (a product without a price sorts by a stored sentinel key), so the
 * position after a cursor is one range on the sort field and a tie-break on `_id`.
 */

export type SortValue = string | number | Date;

export interface KeysetSort {
  readonly field: string;
  readonly direction: 1 | -1;
}

interface Position {
  readonly value: SortValue;
  readonly id: string;
}

type Filter = Record<string, unknown>;

/** The sort a cursor belongs to travels with it, so a cursor from another ordering is refused, not misread. */
const sortTag = (sort: KeysetSort): string => `${sort.field}:${sort.direction}`;

function encodeCursor(sort: KeysetSort, position: Position): string {
  const value = position.value instanceof Date ? { date: position.value.toISOString() } : position.value;
  return Buffer.from(JSON.stringify([value, position.id, sortTag(sort)]), "utf8").toString("base64url");
}

function decodeCursor(sort: KeysetSort, cursor: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[1] !== "string" || parsed[2] !== sortTag(sort)) throw new InvalidCursorError();
  const [raw, id] = parsed as [unknown, string, string];
  if (typeof raw === "string" || typeof raw === "number") return { value: raw, id };
  if (typeof raw === "object" && typeof (raw as { date?: unknown }).date === "string") return { value: new Date((raw as { date: string }).date), id };
  throw new InvalidCursorError();
}

/** The `$sort` for a keyset sort. */
export function sortSpec(sort: KeysetSort): Record<string, 1 | -1> {
  return { [sort.field]: sort.direction, _id: sort.direction };
}

/**
 * The filter selecting items strictly after `cursor` in `sort` order; `{}` for the first page. The
 * top-level range bounds the index scan to the rest of the listing; the `$or` alone is no range
 * the planner can scan by, so every page would start from the first key again.
 */
export function afterCursor(sort: KeysetSort, cursor: string | null): Filter {
  if (cursor === null) return {};
  const { value, id } = decodeCursor(sort, cursor);
  const beyond = sort.direction === 1 ? "$gt" : "$lt";
  if (sort.field === "_id") return { _id: { [beyond]: id } };
  const from = sort.direction === 1 ? "$gte" : "$lte";
  return { [sort.field]: { [from]: value }, $or: [{ [sort.field]: { [beyond]: value } }, { [sort.field]: value, _id: { [beyond]: id } }] };
}

/**
 * Turns `limit + 1` fetched items into a page: the extra item only tells that there is more.
 */
export function toPage<D extends { _id: string }, T>(docs: readonly D[], limit: number, sort: KeysetSort, map: (doc: D) => T): { items: T[]; nextCursor: string | null } {
  const pageDocs = docs.slice(0, limit);
  const last = pageDocs.at(-1);
  const nextCursor = docs.length > limit && last !== undefined ? encodeCursor(sort, positionIn(sort, last)) : null;
  return { items: pageDocs.map(map), nextCursor };
}

/** A document's position in `sort`: its sort field and its `_id`. */
function positionIn(sort: KeysetSort, doc: { _id: string }): Position {
  return { value: (doc as unknown as Record<string, unknown>)[sort.field] as SortValue, id: doc._id };
}
