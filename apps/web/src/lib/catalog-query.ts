import { minorDigits } from "@bbscart/core";
import type { RouterInputs } from "./trpc";

type ListInput = RouterInputs["catalog"]["list"];
export type CatalogSort = NonNullable<ListInput["sort"]>;

export const sortLabels: Record<CatalogSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  name_asc: "Name: A to Z",
};

const isSort = (value: string | null): value is CatalogSort => value !== null && value in sortLabels;

/**
 * What the catalog page shows, as it appears in the URL. Prices are in whole currency units
 * (`min=100` is ₹100) so a shared link reads naturally; empty and default values are left out.
 */
export interface CatalogQuery {
  q: string;
  /** The category's slug. */
  category: string | null;
  min: number | null;
  max: number | null;
  inStock: boolean;
  sort: CatalogSort;
}

function wholeUnits(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : null;
}

export function queryFromParams(params: URLSearchParams): CatalogQuery {
  const sort = params.get("sort");
  return {
    q: params.get("q") ?? "",
    category: params.get("category") || null,
    min: wholeUnits(params.get("min")),
    max: wholeUnits(params.get("max")),
    inStock: params.get("inStock") === "1",
    sort: isSort(sort) ? sort : "relevance",
  };
}

export function paramsFromQuery(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q.trim());
  if (query.category) params.set("category", query.category);
  if (query.min !== null) params.set("min", String(query.min));
  if (query.max !== null) params.set("max", String(query.max));
  if (query.inStock) params.set("inStock", "1");
  if (query.sort !== "relevance") params.set("sort", query.sort);
  return params;
}

/**
 * The server-side search for a URL query: whole units become minor units of the store's
 * currency, and the category's slug (what the URL shows) becomes its id.
 */
export function listInput(query: CatalogQuery, store: { currency: string; categoryId: string | null }, limit = 24): Omit<ListInput, "cursor"> {
  const scale = 10 ** minorDigits(store.currency);
  return {
    search: query.q.trim() || undefined,
    categoryId: store.categoryId,
    minPrice: query.min === null ? null : query.min * scale,
    maxPrice: query.max === null ? null : query.max * scale,
    inStock: query.inStock ? true : null,
    sort: query.sort,
    limit,
  };
}
