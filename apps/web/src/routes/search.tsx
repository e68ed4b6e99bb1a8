import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { CatalogFilters } from "../features/catalog/filters";
import { ProductGrid } from "../features/catalog/product-card";
import { SearchBox } from "../features/catalog/search-box";
import { usePageMeta } from "../features/layout/page-meta";
import { EmptyState, ErrorState, Loading } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { listInput, paramsFromQuery, queryFromParams, type CatalogQuery } from "../lib/catalog-query";
import { trpc } from "../lib/trpc";
import { useDebounced } from "../lib/use-debounced";

/**
 * The catalog: the URL is the query (shareable; "back" undoes a filter), the database searches
 * and filters, and pages arrive by cursor. Typing searches after a short pause and replaces the
 * URL entry instead of adding one per key.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const [text, setText] = useState(query.q);
  const [shownQ, setShownQ] = useState(query.q);
  // The URL's query changed from outside the box (back button, a link): show it in the box.
  if (query.q !== shownQ) {
    setShownQ(query.q);
    if (query.q !== text.trim()) setText(query.q);
  }
  const settled = useDebounced(text, 300);
  const serialized = params.toString();
  useEffect(() => {
    const current = queryFromParams(new URLSearchParams(serialized));
    if (settled === text && settled.trim() !== current.q) setParams(paramsFromQuery({ ...current, q: settled }), { replace: true });
  }, [settled, text, serialized, setParams]);

  const change = (next: CatalogQuery) => setParams(paramsFromQuery(next));
  const store = trpc.catalog.storeInfo.useQuery();
  const categories = trpc.catalog.categories.useQuery();
  const category = categories.data?.find((c) => c.slug === query.category) ?? null;
  const ready = store.data !== undefined && (query.category === null || categories.data !== undefined);
  const results = trpc.catalog.list.useInfiniteQuery(listInput(query, { currency: store.data?.currency ?? "INR", categoryId: category?.id ?? null }), {
    enabled: ready,
    getNextPageParam: (last) => last.nextCursor,
    initialCursor: null,
  });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  // The first page decides the spelling (ADR 145): later pages of an applied correction carry it too.
  const suggestion = results.data?.pages[0]?.suggestion ?? null;
  const searched = suggestion?.applied ? suggestion.query : query.q;
  const heading = query.q ? `Results for “${searched}”` : (category?.name ?? "All products");
  usePageMeta(query.category && !categories.data ? null : heading);

  return (
    <div className="flex flex-col gap-6">
      <SearchBox value={text} onChange={setText} onSubmit={(q) => change({ ...query, q })} />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[16rem_1fr]">
        <CatalogFilters query={query} categories={categories.data ?? []} currency={store.data?.currency ?? "INR"} onChange={change} />
        <section aria-labelledby="results-heading" className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h1 id="results-heading" className="text-2xl font-bold tracking-tight">
              {heading}
            </h1>
            <p aria-live="polite" className="text-sm text-slate-600" data-testid="result-count">
              {results.isFetching ? "Searching…" : results.data ? `Showing ${items.length} product${items.length === 1 ? "" : "s"}` : ""}
            </p>
          </div>
          {suggestion && !results.isFetching && (
            <p className="text-slate-700" data-testid="search-suggestion">
              {suggestion.applied ? (
                <>
                  No products match “{query.q}”. Showing results for <strong>{suggestion.query}</strong>.
                </>
              ) : (
                <>
                  Did you mean{" "}
                  <Link className="font-semibold text-teal-700 underline" to={`/search?${paramsFromQuery({ ...query, q: suggestion.query }).toString()}`}>
                    {suggestion.query}
                  </Link>
                  ?
                </>
              )}
            </p>
          )}
          {category && !query.q && (category.description || category.image) && (
            <div className="flex items-start gap-4" data-testid="category-intro">
              {category.image && <img src={category.image} alt="" className="h-20 w-20 shrink-0 rounded-lg object-cover" />}
              {category.description && <p className="max-w-prose text-slate-700">{category.description}</p>}
            </div>
          )}
          {results.error && !results.data ? (
            <ErrorState error={results.error} onRetry={results.refetch} title="We could not search the catalog" />
          ) : !results.data ? (
            <Loading label="Finding products…" />
          ) : items.length === 0 ? (
            <EmptyState title="No products match">Try fewer words, another category or a wider price range.</EmptyState>
          ) : (
            <>
              <ProductGrid products={items} label="Products" priorityCount={2} />
              {results.hasNextPage && (
                <button type="button" className={`${button.secondary} self-center`} disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                  {results.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              )}
              {results.error && <ErrorState error={results.error} onRetry={() => results.fetchNextPage()} title="The next page did not load" />}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
