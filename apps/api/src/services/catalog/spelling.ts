import { correctQuery, FEW_RESULTS, searchWords, spellingOutcome, vocabularyRequest, type CatalogQuery, type DatabaseHandle, type ListedProduct, type Page } from "@bbscart/core";

/** The corrected search text, and whether the page holds its results (`applied`) or only suggests it. */
export interface SearchSuggestion {
  readonly query: string;
  readonly applied: boolean;
}

/** Whether a page is worth a correction: a first page with few results, or any page with none. */
const worthCorrecting = (query: CatalogQuery, found: number): boolean =>
  query.search !== null && (query.cursor === null ? found < FEW_RESULTS : found === 0);

/**
 * A search that forgives typos (ADR 145). Searched as typed first: a query that finds enough costs
 * nothing more. Otherwise its unknown words are corrected from the catalog's vocabulary and the
 * correction is searched with the same filters and sort; core's `spellingOutcome` decides whether
 * the shopper gets its results or a "Did you mean" link. A page after an applied correction finds
 * nothing as typed, so it is answered from the correction too: its cursor came from there.
 */
export async function forgivingSearch(db: DatabaseHandle, query: CatalogQuery): Promise<{ page: Page<ListedProduct>; suggestion: SearchSuggestion | null }> {
  const page = await db.repos.products.listing(query);
  if (!worthCorrecting(query, page.items.length)) return { page, suggestion: null };
  const words = searchWords(query.search);
  const corrected = correctQuery(words, await db.repos.products.lookupVocabulary(vocabularyRequest(words)));
  if (corrected === null) return { page, suggestion: null };
  const text = corrected.join(" ");
  const correctedPage = await db.repos.products.listing({ ...query, search: text });
  switch (spellingOutcome(page.items.length, correctedPage.items.length)) {
    case "apply":
      return { page: correctedPage, suggestion: { query: text, applied: true } };
    case "suggest":
      return { page, suggestion: { query: text, applied: false } };
    case "none":
      return { page, suggestion: null };
  }
}
