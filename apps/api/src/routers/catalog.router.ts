import { catalogListInput, productSlugInput } from "@bbscart/core/schemas";
import { rest } from "../rest/meta.js";
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
