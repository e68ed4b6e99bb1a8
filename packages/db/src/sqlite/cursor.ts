import { InvalidCursorError, type Page, type PageRequest } from "@bbscart/core";
import type { Connection } from "./connection.js";
import type { SqlValue } from "./codec.js";
import { LIMIT_BOUND } from "./limit.js";

/**
 * Keyset pagination shared by every listing: rows are ordered by sort keys ending with a
 * unique id, and the cursor carries the last row's keys, so a page boundary never shifts
 * when rows are inserted meanwhile (unlike OFFSET). The cursor is opaque base64url JSON
 * tagged with the sort it belongs to.
 */

type KeyValue = string | number | null;

interface CursorBody {
  readonly s: string;
  readonly k: readonly KeyValue[];
}

export function encodeCursor(sort: string, keys: readonly KeyValue[]): string {
  const body: CursorBody = { s: sort, k: keys };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

/** A cursor from another listing or a tampered one is refused rather than silently restarting. */
export function decodeCursor(cursor: string, sort: string, arity: number): readonly KeyValue[] {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const { s, k } = (body ?? {}) as Partial<CursorBody>;
  const valid = s === sort && Array.isArray(k) && k.length === arity && k.every((v) => v === null || ["string", "number"].includes(typeof v));
  if (!valid) throw new InvalidCursorError();
  return k as readonly KeyValue[];
}

export interface KeysetSpec<Row, Item> {
  /** The selected columns, e.g. `p.*`. */
  readonly columns: string;
  /** The FROM clause with any joins, e.g. `products p`. */
  readonly from: string;
  /** SQL conditions ANDed together, with their positional parameters. */
  readonly where: ReadonlyArray<readonly [string, ...SqlValue[]]>;
  /** Sort key expressions; the last one must be unique (the id). */
  readonly keys: readonly string[];
  readonly direction: "ASC" | "DESC";
  /** Names the ordering inside the cursor, so a cursor cannot cross listings. */
  readonly sort: string;
  readonly page: PageRequest;
  readonly map: (row: Row) => Item;
  /**
   * Alternatives a row must match one of. Written as one OR, SQLite answers it by fetching every
   * match and sorting them all (an admin search for a customer with thousands of orders); here each
   * alternative is paged on its own index, and the page is taken from the union of those pages, so
   * the cost follows the page size, not the number of matches.
   */
  readonly anyOf?: ReadonlyArray<readonly [string, ...SqlValue[]]>;
}

/** Runs one page of a keyset listing: fetches limit + 1 rows to know whether another page exists. */
export function keysetPage<Row, Item>(connection: Connection, spec: KeysetSpec<Row, Item>): Page<Item> {
  const { limit, cursor } = spec.page;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`page limit must be a positive integer, got ${limit}`);
  const conditions = spec.where.map(([sql]) => `(${sql})`);
  const params: SqlValue[] = spec.where.flatMap(([, ...values]) => values);
  if (cursor !== null) {
    const after = decodeCursor(cursor, spec.sort, spec.keys.length);
    const operator = spec.direction === "ASC" ? ">" : "<";
    conditions.push(`(${spec.keys.join(", ")}) ${operator} (${spec.keys.map(() => "?").join(", ")})`);
    params.push(...after);
  }
  const keyColumns = spec.keys.map((key, index) => `${key} AS _k${index}`).join(", ");
  const orderBy = `ORDER BY ${spec.keys.map((key) => `${key} ${spec.direction}`).join(", ")}`;
  const unique = spec.keys[spec.keys.length - 1]!;
  const where = (all: readonly string[]) => (all.length > 0 ? `WHERE ${all.join(" AND ")}` : "");
  const branches = (spec.anyOf ?? []).map(([alternative, ...values]) => ({
    sql: `SELECT ${unique} FROM (SELECT ${unique} FROM ${spec.from} ${where([...conditions, `(${alternative})`])} ${orderBy} ${LIMIT_BOUND})`,
    params: [...params, ...values, limit + 1],
  }));
  const sql = spec.anyOf
    ? `SELECT ${spec.columns}, ${keyColumns} FROM ${spec.from} WHERE ${unique} IN (${branches.map((branch) => branch.sql).join(" UNION ALL ") || "SELECT NULL"}) ${orderBy} ${LIMIT_BOUND}`
    : `SELECT ${spec.columns}, ${keyColumns} FROM ${spec.from} ${where(conditions)} ${orderBy} ${LIMIT_BOUND}`;
  const rows = connection.prepare(sql).all(...(spec.anyOf ? branches.flatMap((branch) => branch.params) : params), limit + 1) as Array<Row & Record<string, KeyValue>>;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(spec.sort, spec.keys.map((_, index) => last[`_k${index}`] ?? null)) : null;
  return { items: items.map(spec.map), nextCursor };
}
