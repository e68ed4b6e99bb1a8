import { useEffect } from "react";
import { useMatches } from "react-router";
import { trpc } from "../../lib/trpc";

/**
 * Sets the tab title ("Tea — BBSCART") and the description for the page being shown. The server
 * writes the same tags into the first HTML of public pages (apps/api/src/http/shop-pages.ts), for
 * previews and crawlers; this keeps them right as the shopper moves around without reloading.
 * `title` null means "still loading": the previous page's title is left alone until it is known.
 */
export function usePageMeta(title: string | null, description?: string): void {
  const store = trpc.catalog.storeInfo.useQuery(undefined, { staleTime: Infinity });
  const site = store.data?.storeName ?? "BBSCART";
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} — ${site}` : site;
    if (description) document.querySelector('meta[name="description"]')?.setAttribute("content", description);
  }, [title, description, site]);
}

/** `handle` of a route whose title is fixed (see shop-routes.tsx). */
export interface PageHandle {
  title: string;
}

const isPageHandle = (handle: unknown): handle is PageHandle => typeof (handle as PageHandle | undefined)?.title === "string";

/** Applies the fixed title of the deepest matched route that has one; pages without one title themselves. */
export function useRouteTitle(): void {
  const matches = useMatches();
  const handle = matches.map((match) => match.handle).findLast(isPageHandle);
  usePageMeta(handle?.title ?? null);
}
