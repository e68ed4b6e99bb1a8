import { InvalidCursorError, type CatalogQuery, type CatalogSort, type ListedProduct, type Page, type Product } from "@bbscart/core";
import type { Connection } from "../connection.js";
import type { SqlValue } from "../codec.js";
import { searchWords } from "../../search-words.js";
import { decodeCursor, encodeCursor, keysetPage } from "../cursor.js";
import { LISTED_COLUMNS, listedWithVariants, withVariants, type ListedRow, type ProductRow } from "./catalog-rows.js";
import { LIMIT_BOUND } from "../limit.js";

/** Sort keys per ordering; each ends with the id so the keyset cursor is total. Missing prices sort last. */
const ORDERINGS: Record<Exclude<CatalogSort, "relevance">, { keys: string[]; direction: "ASC" | "DESC" }> = {
  newest: { keys: ["p.created_at", "p.id"], direction: "DESC" },
  price_asc: { keys: ["IFNULL(p.min_price_minor, 9007199254740991)", "p.id"], direction: "ASC" },
  price_desc: { keys: ["IFNULL(p.min_price_minor, -1)", "p.id"], direction: "DESC" },
  name_asc: { keys: ["p.name COLLATE NOCASE", "p.id"], direction: "ASC" },
};

/**
 * Shopper words → an FTS5 query: every word must match, each as a prefix ("kur" finds
 * "kurta"). Words are quoted, so FTS syntax typed by a shopper is never interpreted.
 */
const allWords = (words: readonly string[]): string => words.map((word) => `"${word}"*`).join(" ");

/** The FTS5 query matching products where every one of `words` begins a word of the name or a SKU. */
const namedWords = (words: readonly string[]): string => `{name skus} : (${allWords(words)})`;

const IN_STOCK = "EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.active = 1 AND v.on_hand - v.reserved > 0)";

type Condition = readonly [string, ...SqlValue[]];

/** What a listing reads of each product found: its columns of `products p` (`seq` among them), and the items made of those rows. */
interface Shape<Row extends { seq: number }, Item> {
  readonly columns: string;
  readonly items: (connection: Connection, rows: readonly Row[]) => Item[];
}

const PRODUCTS: Shape<ProductRow, Product> = { columns: "p.*", items: withVariants };
const LISTED: Shape<ListedRow, ListedProduct> = { columns: LISTED_COLUMNS, items: listedWithVariants };

/** A catalog listing of whole products (the admin's, the sitemap's). */
export const searchProducts = (connection: Connection, query: CatalogQuery): Page<Product> => searchCatalog(connection, query, PRODUCTS);

/** The same listing as the shop's cards show it: only the columns a card reads (decision 177). */
export const listProducts = (connection: Connection, query: CatalogQuery): Page<ListedProduct> => searchCatalog(connection, query, LISTED);

/**
 * A catalog listing: full-text match (if any) joined to the product filters, ordered by the
 * requested sort, one keyset page. Relevance without search text falls back to newest.
 */
function searchCatalog<Row extends { seq: number }, Item>(connection: Connection, query: CatalogQuery, shape: Shape<Row, Item>): Page<Item> {
  const words = [...new Set(searchWords(query.search))];
  const filters: Condition[] = [];
  if (!query.includeInactive) filters.push(["p.active = 1"]);
  else if (typeof query.archived === "boolean") filters.push([query.archived ? "p.active = 0" : "p.active = 1"]);
  if (query.categoryId !== null) filters.push(["p.category_id = ?", query.categoryId]);
  if (query.minPriceMinor !== null) filters.push(["p.min_price_minor >= ?", query.minPriceMinor]);
  if (query.maxPriceMinor !== null) filters.push(["p.min_price_minor <= ?", query.maxPriceMinor]);
  if (query.inStock !== null) filters.push([query.inStock ? IN_STOCK : `NOT ${IN_STOCK}`]);
  if (words.length > 0 && query.sort === "relevance") {
    // Several statements, one snapshot: another process's write between them could otherwise put a
    // product in two tiers, or in none.
    return connection.snapshot(() => {
      const page = relevancePage<Row>(connection, query, words, filters, shape.columns);
      return { items: shape.items(connection, page.items), nextCursor: page.nextCursor };
    });
  }
  const ordering = query.sort === "relevance" ? ORDERINGS.newest : ORDERINGS[query.sort];
  const page = keysetPage(connection, {
    columns: shape.columns,
    from: words.length > 0 ? MATCHED : "products p",
    where: words.length > 0 ? [["product_search MATCH ?", allWords(words)], ...filters] : filters,
    keys: ordering.keys,
    direction: ordering.direction,
    sort: `products:${query.sort}`,
    page: query,
    map: (row: Row) => row,
  });
  return { items: shape.items(connection, page.items), nextCursor: page.nextCursor };
}

const MATCHED = "product_search JOIN products p ON p.seq = product_search.rowid";

/** A found product's row (a shape's columns) and the relevance tier it was found in. */
type Ranked<Row> = Row & { _tier: number };

/** SQL conditions ANDed, with their positional parameters in order. */
function conjunction(conditions: readonly Condition[]): { sql: string; params: SqlValue[] } {
  return { sql: conditions.map(([sql]) => `(${sql})`).join(" AND "), params: conditions.flatMap(([, ...values]) => values) };
}

/**
 * Relevance (decision 165): how many of the query's words begin a word of the product's name or
 * one of its SKUs, more first; equal products the one stored last first. Written so that the cost
 * follows the page, not the number of matches, for the usual search: a tier that FTS5 can express
 * as one query (every word in the name or a SKU; for one word, also "not in the name") is read in
 * FTS5's own rowid order, newest first, and stops when the page is full. Below the top tier of a
 * search of several words, each tier would take a query with every combination of its words, each
 * merging a prefix's postings again; those matches are ranked here instead (`belowTop`).
 */
function relevancePage<Row extends { seq: number }>(
  connection: Connection,
  query: CatalogQuery,
  words: readonly string[],
  filters: readonly Condition[],
  columns: string,
): Page<Ranked<Row>> {
  const top = words.length;
  const after = query.cursor === null ? null : relevanceCursor(query.cursor, top);
  const want = query.limit + 1;
  const rows: Ranked<Row>[] = [];
  const walk = (tier: number, match: string) => {
    const bound: Condition[] = after?.tier === tier ? [["product_search.rowid < ?", after.seq]] : [];
    const { sql, params } = conjunction([...filters, ["product_search MATCH ?", match], ...bound]);
    const found = connection
      .prepare(`SELECT ${columns}, ${tier} AS _tier FROM ${MATCHED} WHERE ${sql} ORDER BY product_search.rowid DESC ${LIMIT_BOUND}`)
      .all(...params, want - rows.length) as Ranked<Row>[];
    rows.push(...found);
  };
  if (after === null || after.tier === top) walk(top, namedWords(words));
  if (rows.length < want && top === 1) walk(0, `${allWords(words)} NOT ${namedWords(words)}`);
  if (rows.length < want && top > 1) {
    // A first page's top-tier walk that ended short read the whole top tier; otherwise read its ids.
    const topTier = after === null ? rows.map((row) => row.seq) : topTierSeqs(connection, words, filters);
    rows.push(...belowTop<Row>(connection, words, filters, new Set(topTier), after, want - rows.length, columns));
  }
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(RELEVANCE, [last._tier, last.seq]) : null };
}

function topTierSeqs(connection: Connection, words: readonly string[], filters: readonly Condition[]): number[] {
  const { sql, params } = conjunction([...filters, ["product_search MATCH ?", namedWords(words)]]);
  return (connection.prepare(`SELECT p.seq FROM ${MATCHED} WHERE ${sql}`).all(...params) as Array<{ seq: number }>).map((row) => row.seq);
}

/**
 * The matches outside the top tier, in relevance order from `after` (or from just below the top
 * tier), `limit` of them. Their name hits are counted from the name and SKUs the search index holds,
 * split by the same `searchWords` as the query (the MongoDB engine counts the same way); a product
 * FTS5 left out of the top tier stays below it whatever the count says.
 */
function belowTop<Row extends { seq: number }>(
  connection: Connection,
  words: readonly string[],
  filters: readonly Condition[],
  topTier: ReadonlySet<number>,
  after: { tier: number; seq: number } | null,
  limit: number,
  columns: string,
): Ranked<Row>[] {
  const { sql, params } = conjunction([...filters, ["product_search MATCH ?", allWords(words)]]);
  const matches = connection.prepare(`SELECT p.seq, p.name, product_search.skus FROM ${MATCHED} WHERE ${sql}`).all(...params) as Array<{ seq: number; name: string; skus: string }>;
  const below = after !== null && after.tier < words.length ? after : null;
  const hits = hitCounter(words);
  const ranked = matches
    .filter((match) => !topTier.has(match.seq))
    .map((match) => ({ seq: match.seq, tier: Math.min(hits(`${match.name} ${match.skus}`), words.length - 1) }))
    .filter((key) => below === null || key.tier < below.tier || (key.tier === below.tier && key.seq < below.seq))
    .sort((a, b) => b.tier - a.tier || b.seq - a.seq)
    .slice(0, limit);
  if (ranked.length === 0) return [];
  const bySeq = new Map(
    (connection.prepare(`SELECT ${columns} FROM products p WHERE p.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ranked.map((key) => key.seq))) as Row[]).map(
      (row) => [row.seq, row],
    ),
  );
  return ranked.map((key) => ({ ...bySeq.get(key.seq)!, _tier: key.tier }));
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/**
 * How many of `words` (split by `searchWords`) begin a word of a text, as `searchWords` splits it.
 * Printable ASCII, nearly every name and SKU, is matched without splitting: its words are runs of
 * ASCII letters and digits, so a query word begins one where it follows the start or any other character.
 */
export function hitCounter(words: readonly string[]): (text: string) => number {
  const starts = words.map((word) => new RegExp(`(?:^|[^a-z0-9])${word}`));
  return (text) => {
    if (PRINTABLE_ASCII.test(text)) {
      const lower = text.toLowerCase();
      return starts.filter((start) => start.test(lower)).length;
    }
    const tokens = searchWords(text);
    return words.filter((word) => tokens.some((token) => token.startsWith(word))).length;
  };
}

const RELEVANCE = "products:relevance";

/** A relevance cursor's position: a tier of this query (0 to its word count) and a stored row's seq. */
function relevanceCursor(cursor: string, top: number): { tier: number; seq: number } {
  const [tier, seq] = decodeCursor(cursor, RELEVANCE, 2);
  const valid = Number.isSafeInteger(tier) && Number.isSafeInteger(seq) && (tier as number) >= 0 && (tier as number) <= top;
  if (!valid) throw new InvalidCursorError();
  return { tier: tier as number, seq: seq as number };
}
