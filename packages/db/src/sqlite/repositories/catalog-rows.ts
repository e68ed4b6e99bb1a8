import { money, type CatalogEntry, type EntryProduct, type ListedProduct, type Product, type Variant } from "@bbscart/core";
import type { Connection } from "../connection.js";
import { decodeJson, fromFlag, fromMs, jsonList } from "../codec.js";
import { addVocabularyChange, productVocabulary } from "../../search-words.js";
import { applyVocabularyChange } from "./vocabulary.js";

/** Row shapes and loaders shared by the category, product and inventory repositories. */

export interface ProductRow {
  seq: number;
  id: string;
  slug: string;
  name: string;
  description: string;
  category_id: string;
  active: number;
  images: string;
  image_alts: string;
  tax_rate_bp: number | null;
  hsn_code: string | null;
  min_price_minor: number | null;
  created_at: number;
  updated_at: number;
}

export interface VariantRow {
  seq: number;
  id: string;
  product_id: string;
  sku: string;
  name: string;
  price_minor: number;
  currency: string;
  on_hand: number;
  reserved: number;
  active: number;
}

/** The columns a listing card reads of a product (`ListedProduct`), with `seq` (a relevance page's key). */
export const LISTED_COLUMNS = "p.seq, p.id, p.slug, p.name, p.category_id, p.images, p.image_alts";

export type ListedRow = Pick<ProductRow, "seq" | "id" | "slug" | "name" | "category_id" | "images" | "image_alts">;

/** A variant's columns as `VARIANTS_OF` lists them, in that order. */
type VariantTuple = [seq: number, id: string, productId: string, sku: string, name: string, priceMinor: number, currency: string, onHand: number, reserved: number, active: number];

/**
 * The variants of the products named (a JSON list of ids), as one JSON text of tuples: building each
 * value through better-sqlite3's C++ calls cost a catalog page's 52 variants 87–91 µs, one text parsed
 * by V8 69–71 µs (decision 175). Unordered: the aggregate's `ORDER BY seq` made SQLite sort through a
 * temporary B-tree (~14 µs a page), where each product's two or three tuples are put in order by
 * their `seq` here (decision 177). Only TEXT and INTEGER columns: a REAL would still round-trip
 * (SQLite writes 17 digits), a BLOB would be refused by `json_array`.
 */
const VARIANTS_OF = `SELECT json_group_array(json_array(seq, id, product_id, sku, name, price_minor, currency, on_hand, reserved, active)) AS variants
  FROM variants WHERE product_id IN (SELECT value FROM json_each(?))`;

const tupleVariant = ([, id, productId, sku, name, priceMinor, currency, onHand, reserved, active]: VariantTuple): Variant => ({
  id,
  productId,
  sku,
  name,
  price: money(priceMinor, currency),
  stock: { onHand, reserved },
  active: fromFlag(active),
});

export const toVariant = (row: VariantRow): Variant =>
  tupleVariant([row.seq, row.id, row.product_id, row.sku, row.name, row.price_minor, row.currency, row.on_hand, row.reserved, row.active]);

const bySeq = (a: VariantTuple, b: VariantTuple) => a[0] - b[0];

/** The variants of `rows`' products in creation order, by product id. */
function variantsOf(connection: Connection, rows: readonly Pick<ProductRow, "id">[]): Map<string, Variant[]> {
  const { variants } = connection.prepare(VARIANTS_OF).get(jsonList(rows.map((row) => row.id))) as { variants: string };
  const byProduct = new Map<string, VariantTuple[]>();
  for (const tuple of JSON.parse(variants) as VariantTuple[]) {
    const list = byProduct.get(tuple[2]);
    if (list) list.push(tuple);
    else byProduct.set(tuple[2], [tuple]);
  }
  const variantsByProduct = new Map<string, Variant[]>();
  for (const [productId, tuples] of byProduct) variantsByProduct.set(productId, tuples.sort(bySeq).map(tupleVariant));
  return variantsByProduct;
}

/** A product's listed fields but its variants, from its row (`LISTED_COLUMNS` or more). */
const cardFields = (row: Omit<ListedRow, "seq">): Omit<ListedProduct, "variants"> => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  categoryId: row.category_id,
  images: decodeJson<string[]>(row.images),
  imageAlts: decodeJson<string[]>(row.image_alts),
});

/** A product's listed fields from its row (`LISTED_COLUMNS` or more), with its variants from `byProduct`. */
const listedProduct = (row: ListedRow, byProduct: ReadonlyMap<string, Variant[]>): ListedProduct => ({
  ...cardFields(row),
  variants: byProduct.get(row.id) ?? [],
});

/** The columns a catalog entry reads of a product (`EntryProduct`). */
const ENTRY_COLUMNS = "id, slug, name, category_id, images, image_alts, active, tax_rate_bp, hsn_code";

type EntryRow = Pick<ProductRow, "id" | "slug" | "name" | "category_id" | "images" | "image_alts" | "active" | "tax_rate_bp" | "hsn_code">;

/** A product's entry fields from its row (`ENTRY_COLUMNS` or more). */
const entryFields = (row: EntryRow): EntryProduct => ({
  ...cardFields(row),
  active: fromFlag(row.active),
  taxRateBp: row.tax_rate_bp,
  // Absent, not null, when unset: products stored before HSN codes read back as they were written.
  ...(row.hsn_code !== null && { hsnCode: row.hsn_code }),
});

/** Products with their variants in creation order, in the order of `rows`. */
export function withVariants(connection: Connection, rows: readonly ProductRow[]): Product[] {
  if (rows.length === 0) return [];
  const byProduct = variantsOf(connection, rows);
  return rows.map((row) => ({
    ...entryFields(row),
    variants: byProduct.get(row.id) ?? [],
    description: row.description,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  }));
}

/** Listed products (`LISTED_COLUMNS` rows) with their variants in creation order, in the order of `rows`. */
export function listedWithVariants(connection: Connection, rows: readonly ListedRow[]): ListedProduct[] {
  if (rows.length === 0) return [];
  const byProduct = variantsOf(connection, rows);
  return rows.map((row) => listedProduct(row, byProduct));
}

export function productById(connection: Connection, id: string): Product | null {
  const row = connection.prepare("SELECT * FROM products WHERE id = ?").get(id) as ProductRow | undefined;
  return row ? (withVariants(connection, [row])[0] ?? null) : null;
}

/** Catalog entries for variant rows, sharing one product load. */
export function entriesFor(connection: Connection, variantRows: readonly VariantRow[]): CatalogEntry[] {
  const productRows = connection
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM products WHERE id IN (SELECT value FROM json_each(?))`)
    .all(jsonList([...new Set(variantRows.map((row) => row.product_id))])) as EntryRow[];
  const products = new Map(productRows.map((row) => [row.id, entryFields(row)]));
  return variantRows.flatMap((row) => {
    const product = products.get(row.product_id);
    return product ? [{ product, variant: toVariant(row) }] : [];
  });
}

/**
 * Recomputes what is derived from a product's rows: its cheapest active price (price
 * filters and sorts), its search document (name, description, SKUs, category name) and the
 * vocabulary's counts of the words its name and category name gained or lost. Called by every
 * write that can change them, inside the same transaction, so search never sees a half-written
 * product.
 */
export function reindexProduct(connection: Connection, productId: string): void {
  connection
    .prepare("UPDATE products SET min_price_minor = (SELECT MIN(price_minor) FROM variants WHERE product_id = products.id AND active = 1) WHERE id = ?")
    .run(productId);
  const document = connection.prepare("SELECT rowid, name, category FROM product_search WHERE rowid = (SELECT seq FROM products WHERE id = ?)");
  const before = document.get(productId) as SearchDocument | undefined;
  if (before) connection.prepare("DELETE FROM product_search WHERE rowid = ?").run(before.rowid);
  connection
    .prepare(
      `INSERT INTO product_search (rowid, name, description, skus, category)
       SELECT p.seq, p.name, p.description,
              IFNULL((SELECT group_concat(sku, ' ') FROM variants WHERE product_id = p.id), ''),
              IFNULL((SELECT name FROM categories WHERE id = p.category_id), '')
       FROM products p WHERE p.id = ?`,
    )
    .run(productId);
  const after = document.get(productId) as SearchDocument | undefined;
  const words = (doc: SearchDocument | undefined) => (doc ? productVocabulary(doc.name, doc.category) : []);
  applyVocabularyChange(connection, addVocabularyChange(new Map(), words(before), words(after)));
}

interface SearchDocument {
  rowid: number;
  name: string;
  category: string;
}

/** A category's name is part of its products' search documents. */
export function reindexCategory(connection: Connection, categoryId: string): void {
  const rows = connection.prepare("SELECT id FROM products WHERE category_id = ?").all(categoryId) as Array<{ id: string }>;
  for (const row of rows) reindexProduct(connection, row.id);
}
