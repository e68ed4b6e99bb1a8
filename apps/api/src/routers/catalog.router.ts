import { catalogListInput, productSlugInput } from "@bbscart/core/schemas";
import { rest, restBehaviour } from "../rest/meta.js";
import { categoriesOutput, productOutput, productPageOutput } from "../contract/index.js";
import { publicProcedure, router } from "../trpc/init.js";

export const catalogRouter = router({
  list: publicProcedure
    .meta(
      rest({
        method: "GET",
        path: "/products",
        cached: true,
        paginated: true,
        tags: ["Catalog"],
        protect: false,
        summary: "List and search products",
        description:
          "Active products, filtered by `search` (word prefixes; typos corrected, see `suggestion`), `categoryId`, price range in minor units and `inStock`, sorted by `sort`. " +
          "Cursor-paginated: follow the `Link: <…>; rel=\"next\"` header (or pass `nextCursor` as `cursor`). Answers 304 to a matching `If-None-Match`.",
      }),
    )
    .input(catalogListInput)
    .output(productPageOutput)
    .query(({ ctx, input }) => ctx.services.catalog.list(input)),
  bySlug: publicProcedure
    .meta(
      rest({
        method: "GET",
        path: "/products/{slug}",
        cached: true,
        tags: ["Catalog"],
        protect: false,
        summary: "One product with its variants",
        description: "Each variant has its own SKU, price and stock flag; add a variant to the cart by its `id`. Answers 304 to a matching `If-None-Match`.",
      }),
    )
    .input(productSlugInput)
    .output(productOutput)
    .query(({ ctx, input }) => ctx.services.catalog.bySlug(input)),
  categories: publicProcedure
    .meta(
      rest({
        method: "GET",
        path: "/categories",
        cached: true,
        tags: ["Catalog"],
        protect: false,
        summary: "All categories",
        description: "A flat list; `parentId` builds the tree. Answers 304 to a matching `If-None-Match`.",
      }),
    )
    .output(categoriesOutput)
    .query(({ ctx }) => ctx.services.catalog.categories()),
  storeInfo: publicProcedure.query(({ ctx }) => ctx.services.settings.storeInfo()),
});

const paths = (filter: (meta: unknown) => boolean) =>
  new Set(
    Object.entries(catalogRouter._def.procedures)
      .filter(([, procedure]) => filter((procedure as { _def: { meta?: unknown } })._def.meta))
      .map(([name]) => `catalog.${name}`),
  );

/**
 * Every catalog procedure by path: public, side-effect free, the same answer for every caller of a
 * role — what a server-rendered first view (http/first-view-caller.ts) may call.
 */
export const catalogReads: ReadonlySet<string> = paths(() => true);

/**
 * The catalog reads declared `cached` (an ETag under /api/v1): their answer depends only on the URL
 * and on what the database holds, never on who asks or when — the catalog answer cache keeps them.
 */
export const cacheableCatalogReads: ReadonlySet<string> = paths((meta) => restBehaviour(meta).cached === true);
