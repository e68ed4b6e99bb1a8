/**
 * The first view of the shop's public pages, rendered on the server (decision 102). Built by
 * `vite build --ssr` into `dist/server/entry-server.js` and loaded by the API (apps/api/src/http/web.ts),
 * which hands it a way to call its own procedures in-process. The components, routes and providers
 * are the app's own, so the HTML is exactly what the browser's first render draws, and `hydrateRoot`
 * (main.tsx) takes it over without repainting or moving anything.
 */
import { dehydrate, type Query } from "@tanstack/react-query";
import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "@bbscart/api/router";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import superjson from "superjson";
import { FIRST_VIEW_STATE_ID } from "./first-view";
import { trpc } from "./lib/trpc";
import { makeQueryClient, Providers } from "./providers";
import { appRoutes } from "./router";

/** Calls one of the API's procedures as an anonymous visitor and resolves with its output. */
export type CallProcedure = (path: string, input: unknown) => Promise<unknown>;

export interface FirstView {
  /** What goes inside `#root`. */
  html: string;
  /** A `<script type="application/json">` element with the answers, safe to place in the page as it is. */
  stateScript: string;
}

/** The same for every visitor, so the server may answer them: never a cart, a session or an order. */
const isPublic = (query: Query) => {
  const [path] = query.queryKey as [string[]?];
  return path?.[0] === "catalog" || (path?.[0] === "system" && path[1] === "info");
};

/** A page asks in at most this many rounds (the category page: store and categories, then its products). */
const maxRounds = 4;

const serverLink =
  (call: CallProcedure): TRPCLink<AppRouter> =>
  () =>
  ({ op }) =>
    observable((observer) => {
      call(op.path, op.input).then(
        (data) => {
          observer.next({ result: { type: "data", data } });
          observer.complete();
        },
        (cause: unknown) => observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause)))),
      );
    });

/** `<`, `>`, `&` and the line separators as `\u` escapes: still the same JSON, and nothing can end the `<script>`. */
const scriptSafe = (json: string) => json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Renders `url` as the browser's first render will: renders, answers the public queries the render
 * asked for, and renders again until nothing more is asked. Null when the page cannot be drawn
 * complete (a redirect, or a query failed): the browser then renders it itself, as before.
 */
export async function renderFirstView(url: string, call: CallProcedure): Promise<FirstView | null> {
  const handler = createStaticHandler(appRoutes);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = makeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const trpcClient = trpc.createClient({ links: [serverLink(call)] });
  const app = (
    <StrictMode>
      <Providers queryClient={queryClient} trpcClient={trpcClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </Providers>
    </StrictMode>
  );

  for (let round = 0; round < maxRounds; round++) {
    const html = renderToString(app);
    const asked = queryClient
      .getQueryCache()
      .findAll({ predicate: (query) => query.state.status === "pending" && (query.options as { enabled?: unknown }).enabled !== false && isPublic(query) });
    if (asked.length === 0) {
      if (queryClient.getQueryCache().findAll({ predicate: (query) => query.state.status === "error" }).length > 0) return null;
      const state = scriptSafe(JSON.stringify(superjson.serialize(dehydrate(queryClient))));
      return { html, stateScript: `<script type="application/json" id="${FIRST_VIEW_STATE_ID}">${state}</script>` };
    }
    await Promise.all(asked.map((query) => query.fetch().catch(() => undefined)));
  }
  return null;
}
