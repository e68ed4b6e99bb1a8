import type { PipelineStage } from "mongoose";
import type { CatalogQuery, CatalogSort, Page, Product } from "@bbscart/core";
import { afterCursor, sortSpec, toPage, type KeysetSort } from "../cursor.js";
import type { ProductDoc } from "../models/products.js";
import { withVariants } from "./catalog-mapping.js";
import type { RepoContext } from "./context.js";

type Ranked = ProductDoc & { score?: number };

/** Relevance ranks by text score, which only exists with a search; without one it means newest. */
function keysetFor(sort: CatalogSort, searching: boolean): KeysetSort {
  switch (sort) {
    case "relevance":
      return searching ? { field: "score", direction: -1 } : { field: "createdAt", direction: -1 };
    case "newest":
      return { field: "createdAt", direction: -1 };
    case "price_asc":
      return { field: "minPriceMinor", direction: 1 };
    case "price_desc":
      return { field: "minPriceMinor", direction: -1 };
    case "name_asc":
      return { field: "name", direction: 1 };
  }
}

/** The filter on the product document itself; `$text` must open the pipeline, so it goes here. */
function productFilter(query: CatalogQuery, search: string | null): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (search !== null) filter.$text = { $search: search };
  if (!query.includeInactive) filter.active = true;
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

/** The storefront and admin listing: text search, filters, one of five sorts, keyset pages. */
export async function searchProducts({ models, session }: RepoContext, query: CatalogQuery): Promise<Page<Product>> {
  const search = query.search?.trim() ? query.search.trim() : null;
  const sort = keysetFor(query.sort, search !== null);
  const pipeline: PipelineStage[] = [{ $match: productFilter(query, search) }];
  if (sort.field === "score") pipeline.push({ $addFields: { score: { $meta: "textScore" } } });
  if (query.inStock !== null) pipeline.push(...stockStages(query.inStock));
  if (query.cursor !== null) pipeline.push({ $match: afterCursor(sort, query.cursor) });
  pipeline.push({ $sort: sortSpec(sort) }, { $limit: query.limit + 1 });

  const docs = await models.products.aggregate<Ranked>(pipeline).session(session ?? null);
  const page = toPage(docs, query.limit, sort, (doc) => doc);
  return { items: await withVariants(models, session, page.items), nextCursor: page.nextCursor };
}
