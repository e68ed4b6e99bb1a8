import { catalogListInput, productSlugInput } from "@bbscart/core/schemas";
import { publicProcedure, router } from "../trpc/init.js";

export const catalogRouter = router({
  list: publicProcedure.input(catalogListInput).query(({ ctx, input }) => ctx.services.catalog.list(input)),
  bySlug: publicProcedure.input(productSlugInput).query(({ ctx, input }) => ctx.services.catalog.bySlug(input)),
  categories: publicProcedure.query(({ ctx }) => ctx.services.catalog.categories()),
  storeInfo: publicProcedure.query(({ ctx }) => ctx.services.settings.storeInfo()),
});
