import { InvalidCursorError, type CatalogQuery, type CatalogSort, type Page, type Product } from "@bbscart/core";
import type { Connection } from "../connection.js";
import type { SqlValue } from "../codec.js";
import { searchWords } from "../../search-words.js";
import { decodeCursor, encodeCursor, keysetPage } from "../cursor.js";
import { withVariants, type ProductRow } from "./catalog-rows.js";

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

/**
 * A catalog listing: full-text match (if any) joined to the product filters, ordered by the
 * requested sort, one keyset page. Relevance without search text falls back to newest.
 */
export function searchProducts(connection: Connection, query: CatalogQuery): Page<Product> {
  const words = [...new Set(searchWords(query.search))];
  const filters: Condition[] = [];
  if (!query.includeInactive) filters.push(["p.active = 1"]);
  else if (typeof query.archived === "boolean") filters.push([query.archived ? "p.active = 0" : "p.active = 1"]);
  if (query.categoryId !== null) filters.push(["p.category_id = ?", query.categoryId]);
  if (query.minPriceMinor !== null) filters.push(["p.min_price_minor >= ?", query.minPriceMinor]);
  if (query.maxPriceMinor !== null) filters.push(["p.min_price_minor <= ?", query.maxPriceMinor]);
  if (query.inStock !== null) filters.push([query.inStock ? IN_STOCK : `NOT ${IN_STOCK}`]);
  if (words.length > 0 && query.sort === "relevance") {
    const page = relevancePage(connection, query, words, filters);
    return { items: withVariants(connection, page.items), nextCursor: page.nextCursor };
  }
  const ordering = query.sort === "relevance" ? ORDERINGS.newest : ORDERINGS[query.sort];
  const page = keysetPage(connection, {
    columns: "p.*",
    from: words.length > 0 ? MATCHED : "products p",
    where: words.length > 0 ? [["product_search MATCH ?", allWords(words)], ...filters] : filters,
    keys: ordering.keys,
    direction: ordering.direction,
    sort: `products:${query.sort}`,
    page: query,
    map: (row: ProductRow) => row,
  });
  return { items: withVariants(connection, page.items), nextCursor: page.nextCursor };
}

const MATCHED = "product_search JOIN products p ON p.seq = product_search.rowid";

type RankedRow = ProductRow & { _tier: number };

/**
 * Relevance (decision 165): how many of the query's words begin a word of the product's name or
 * one of its SKUs, more first; equal products the one stored last first. Written so that the cost
 * follows the page, not the number of matches, for the usual search: the top tier (every word in
 * the name or a SKU) is read in FTS's own rowid order, newest first, and stops when the page is
 * full. Only a page reaching below it counts name hits for every match (one walk of each word's
 * name postings) and sorts them.
 */
function relevancePage(connection: Connection, query: CatalogQuery, words: readonly string[], filters: readonly Condition[]): Page<ProductRow> {
  const top = words.length;
  const after = query.cursor === null ? null : relevanceCursor(query.cursor, top);
  const want = query.limit + 1;
  const where = (extra: readonly Condition[]) => {
    const all = [...filters, ...extra];
    return { sql: all.map(([sql]) => `(${sql})`).join(" AND "), params: all.flatMap(([, ...values]) => values) };
  };
  const rows: RankedRow[] = [];
  if (after === null || after.tier === top) {
    const { sql, params } = where([["product_search MATCH ?", namedWords(words)], ...(after ? [["product_search.rowid < ?", after.seq] as const] : [])]);
    rows.push(
      ...(connection
        .prepare(`SELECT p.*, ${top} AS _tier FROM ${MATCHED} WHERE ${sql} ORDER BY product_search.rowid DESC LIMIT ?`)
        .all(...params, want) as RankedRow[]),
    );
  }
  if (rows.length < want) {
    const tier = words.map(() => "(p.seq IN (SELECT rowid FROM product_search WHERE product_search MATCH ?))").join(" + ");
    // (top, 0) is the position just below the top tier: no row's seq is below 1.
    const below = after !== null && after.tier < top ? after : { tier: top, seq: 0 };
    const { sql, params } = where([["product_search MATCH ?", allWords(words)]]);
    rows.push(
      ...(connection
        .prepare(
          `SELECT * FROM (SELECT p.*, ${tier} AS _tier FROM ${MATCHED} WHERE ${sql}) WHERE (_tier, seq) < (?, ?) ORDER BY _tier DESC, seq DESC LIMIT ?`,
        )
        .all(...words.map((word) => namedWords([word])), ...params, below.tier, below.seq, want - rows.length) as RankedRow[]),
    );
  }
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(RELEVANCE, [last._tier, last.seq]) : null };
}

const RELEVANCE = "products:relevance";

/** A relevance cursor's position: a tier of this query (0 to its word count) and a stored row's seq. */
function relevanceCursor(cursor: string, top: number): { tier: number; seq: number } {
  const [tier, seq] = decodeCursor(cursor, RELEVANCE, 2);
  const valid = Number.isSafeInteger(tier) && Number.isSafeInteger(seq) && (tier as number) >= 0 && (tier as number) <= top;
  if (!valid) throw new InvalidCursorError();
  return { tier: tier as number, seq: seq as number };
}
