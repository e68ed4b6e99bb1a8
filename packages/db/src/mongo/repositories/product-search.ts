import type { ClientSession, PipelineStage } from "mongoose";
import type { CatalogQuery, CatalogSort, ListedProduct, Page, Product } from "@bbscart/core";
import { searchWords } from "../../search-words.js";
import { afterCursor, sortSpec, toPage, type KeysetSort } from "../cursor.js";
import type { Models } from "../models/index.js";
import type { ProductDoc } from "../models/products.js";
import { LISTED_FIELDS, listedWithVariants, withVariants, type ListedDoc } from "./catalog-mapping.js";
import type { RepoContext } from "./context.js";
import { escapeRegex } from "./mapping.js";

type Ranked = { rank?: number };

/** The stored key each sort reads. Relevance is a search's computed `rank`; without a search it means newest. */
function keysetFor(sort: CatalogSort, searching: boolean): KeysetSort {
  switch (sort) {
    case "relevance":
      return searching ? { field: "rank", direction: -1 } : { field: "createdAt", direction: -1 };
    case "newest":
      return { field: "createdAt", direction: -1 };
    case "price_asc":
      return { field: "priceAscKey", direction: 1 };
    case "price_desc":
      return { field: "priceDescKey", direction: -1 };
    case "name_asc":
      return { field: "nameKey", direction: 1 };
  }
}

/** A query word as an anchored prefix pattern: "kur" matches the token "kurta", never "makur". */
const prefixPattern = (word: string): string => `^${escapeRegex(word)}`;

/**
 * The filter on the product document itself. Every query word must be a prefix of one of the
 * product's tokens; anchored, case-sensitive patterns over lower-case tokens use the multikey
 * `search_tokens` index.
 */
function productFilter(query: CatalogQuery, words: readonly string[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (words.length > 0) filter.searchTokens = { $all: words.map((word) => new RegExp(prefixPattern(word))) };
  if (!query.includeInactive) filter.active = true;
  else if (typeof query.archived === "boolean") filter.active = !query.archived;
  if (query.categoryId !== null) filter.categoryId = query.categoryId;
  if (query.minPriceMinor !== null || query.maxPriceMinor !== null) {
    filter.minPriceMinor = {
      ...(query.minPriceMinor !== null ? { $gte: query.minPriceMinor } : {}),
      ...(query.maxPriceMinor !== null ? { $lte: query.maxPriceMinor } : {}),
    };
  }
  return filter;
}

/**
 * Stock lives on variants (where the guarded writes are), so "in stock" joins them: a product is
 * in stock when an active variant has units available, as `isInStock` in core defines it.
 */
function stockStages(inStock: boolean): PipelineStage[] {
  const sellable = { $elemMatch: { active: true, available: { $gt: 0 } } };
  return [
    { $lookup: { from: "variants", localField: "_id", foreignField: "productId", as: "stockCheck" } },
    { $match: { stockCheck: inStock ? sellable : { $not: sellable } } },
    { $project: { stockCheck: 0 } },
  ];
}

/** One name hit outweighs any creation time: 2^43 ms since 1970 is the year 2248. */
const NAME_HIT = 2 ** 43;

/**
 * Relevance of a product that matched every word (decision 165): how many query words begin a word
 * of its name or SKUs, then the newer first, as one number — the SQLite engine's order (it breaks
 * ties by the order products were stored in, which is their creation order for products the shop
 * creates). Below 1,000 words (the API takes 100 characters) the sum is an exact integer, which
 * the keyset cursor compares exactly.
 */
function relevanceRank(words: readonly string[]): Record<string, unknown> {
  const nameHit = (word: string) => ({
    $cond: [{ $anyElementTrue: [{ $map: { input: "$nameTokens", in: { $regexMatch: { input: "$$this", regex: prefixPattern(word) } } } }] }, NAME_HIT, 0],
  });
  return { $add: [...words.map(nameHit), { $toLong: "$createdAt" }] };
}

/** What a listing reads of each product found: the fields it projects to (the sort's key kept), and the items made of those documents. */
interface Shape<Doc extends { _id: string }, Item> {
  readonly projection: (sort: KeysetSort) => Record<string, 0 | 1>;
  readonly items: (models: Models, session: ClientSession | undefined, docs: readonly Doc[]) => Promise<Item[]>;
}

const PRODUCTS: Shape<ProductDoc, Product> = { projection: () => ({ searchTokens: 0, nameTokens: 0 }), items: withVariants };
const LISTED: Shape<ListedDoc, ListedProduct> = {
  projection: (sort) => ({ ...Object.fromEntries(LISTED_FIELDS.map((field) => [field, 1])), [sort.field]: 1 }),
  items: listedWithVariants,
};

/** A listing of whole products (the admin's listings, the sitemap). */
export const searchProducts = (ctx: RepoContext, query: CatalogQuery): Promise<Page<Product>> => searchCatalog(ctx, query, PRODUCTS);

/** The same listing as the shop's cards show it: only the fields a card reads leave the server (decision 177). */
export const listProducts = (ctx: RepoContext, query: CatalogQuery): Promise<Page<ListedProduct>> => searchCatalog(ctx, query, LISTED);

/**
 * Prefix word search, filters, one of five sorts, keyset pages.
 * Sorted before the stock join: the sort is read from an index and the join runs only on the
 * products read until the page is full, not on every product that matched.
 */
async function searchCatalog<Doc extends { _id: string }, Item>({ models, session }: RepoContext, query: CatalogQuery, shape: Shape<Doc, Item>): Promise<Page<Item>> {
  const words = [...new Set(searchWords(query.search))];
  const sort = keysetFor(query.sort, words.length > 0);
  const pipeline: PipelineStage[] = [{ $match: productFilter(query, words) }];
  if (sort.field === "rank") pipeline.push({ $addFields: { rank: relevanceRank(words) } });
  if (query.cursor !== null) pipeline.push({ $match: afterCursor(sort, query.cursor) });
  pipeline.push({ $sort: sortSpec(sort) });
  if (query.inStock !== null) pipeline.push(...stockStages(query.inStock));
  pipeline.push({ $limit: query.limit + 1 }, { $project: shape.projection(sort) });

  const docs = await models.products.aggregate<Doc & Ranked>(pipeline).session(session ?? null);
  const page = toPage(docs, query.limit, sort, (doc) => doc);
  return { items: await shape.items(models, session, page.items), nextCursor: page.nextCursor };
}
