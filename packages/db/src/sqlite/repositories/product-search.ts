import type { CatalogQuery, CatalogSort, Page, Product } from "@bbscart/core";
import type { Connection } from "../connection.js";
import type { SqlValue } from "../codec.js";
import { searchWords } from "../../search-words.js";
import { keysetPage } from "../cursor.js";
import { withVariants, type ProductRow } from "./catalog-rows.js";

/** Name hits weigh most, then SKU, category and description (bm25 column weights, in FTS column order). */
const RANK = "bm25(product_search, 10.0, 1.0, 4.0, 2.0)";

/** Sort keys per ordering; each ends with the id so the keyset cursor is total. Missing prices sort last. */
const ORDERINGS: Record<Exclude<CatalogSort, "relevance">, { keys: string[]; direction: "ASC" | "DESC" }> = {
  newest: { keys: ["p.created_at", "p.id"], direction: "DESC" },
  price_asc: { keys: ["IFNULL(p.min_price_minor, 9007199254740991)", "p.id"], direction: "ASC" },
  price_desc: { keys: ["IFNULL(p.min_price_minor, -1)", "p.id"], direction: "DESC" },
  name_asc: { keys: ["p.name COLLATE NOCASE", "p.id"], direction: "ASC" },
};

/**
 * Shopper text → an FTS5 query: every word must match, each as a prefix ("kur" finds
 * "kurta"). Words are quoted, so FTS syntax typed by a shopper is never interpreted.
 */
export function ftsQuery(search: string | null): string | null {
  const words = searchWords(search);
  return words.length > 0 ? words.map((word) => `"${word}"*`).join(" ") : null;
}

const IN_STOCK = "EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.active = 1 AND v.on_hand - v.reserved > 0)";

/**
 * A catalog listing: full-text match (if any) joined to the product filters, ordered by the
 * requested sort, one keyset page. Relevance without search text falls back to newest.
 */
export function searchProducts(connection: Connection, query: CatalogQuery): Page<Product> {
  const match = ftsQuery(query.search);
  const where: Array<readonly [string, ...SqlValue[]]> = [];
  if (match) where.push(["product_search MATCH ?", match]);
  if (!query.includeInactive) where.push(["p.active = 1"]);
  else if (typeof query.archived === "boolean") where.push([query.archived ? "p.active = 0" : "p.active = 1"]);
  if (query.categoryId !== null) where.push(["p.category_id = ?", query.categoryId]);
  if (query.minPriceMinor !== null) where.push(["p.min_price_minor >= ?", query.minPriceMinor]);
  if (query.maxPriceMinor !== null) where.push(["p.min_price_minor <= ?", query.maxPriceMinor]);
  if (query.inStock !== null) where.push([query.inStock ? IN_STOCK : `NOT ${IN_STOCK}`]);
  const ordering =
    query.sort === "relevance" ? (match ? { keys: [RANK, "p.id"], direction: "ASC" as const } : ORDERINGS.newest) : ORDERINGS[query.sort];
  const page = keysetPage(connection, {
    columns: "p.*",
    from: match ? "product_search JOIN products p ON p.seq = product_search.rowid" : "products p",
    where,
    keys: ordering.keys,
    direction: ordering.direction,
    sort: `products:${query.sort}`,
    page: query,
    map: (row: ProductRow) => row,
  });
  return { items: withVariants(connection, page.items), nextCursor: page.nextCursor };
}
