import type { CatalogQuery, DatabaseHandle } from "@bbscart/core";
import type { adminCatalogListInput, catalogListInput, productSlugInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { loadSettings, notFound } from "../common/index.js";
import { adminProductView, categoryView, productCard, productDetail } from "./views.js";
import { forgivingSearch } from "./spelling.js";

type ListInput = z.output<typeof catalogListInput>;

/** The repository query for a listing input; shoppers never get inactive products. */
export const catalogQuery = (input: ListInput, includeInactive: boolean): CatalogQuery => ({
  search: input.search,
  categoryId: input.categoryId,
  minPriceMinor: input.minPrice,
  maxPriceMinor: input.maxPrice,
  inStock: input.inStock,
  sort: input.sort,
  includeInactive,
  cursor: input.cursor,
  limit: input.limit,
});

/** Catalog reads: the shop's (active products only) and the admin listing (everything). */
export function catalogReads(db: DatabaseHandle) {
  return {
    /**
     * Search and filters run in the database (full-text index, keyset pages); inactive products never
     * appear. A search that finds little may be corrected, and says so in `suggestion` (ADR 145).
     */
    async list(input: ListInput) {
      const { page, suggestion } = await forgivingSearch(db, catalogQuery(input, false));
      return { items: page.items.map(productCard), nextCursor: page.nextCursor, suggestion };
    },

    /** An archived product answers exactly like a missing one. */
    async bySlug(input: z.output<typeof productSlugInput>) {
      const product = await db.repos.products.findBySlug(input.slug);
      if (!product?.active) throw notFound("Product");
      const [category, settings] = await Promise.all([db.repos.categories.findById(product.categoryId), loadSettings(db.repos)]);
      return productDetail(product, category, settings.lowStockThreshold);
    },

    /**
     * Every product on sale, as the sitemap lists them (slug and last change), read in keyset pages of
     * `pageSize` so a catalog of any size is walked without holding it all at once.
     */
    async *activeProducts(pageSize = 1000): AsyncGenerator<{ slug: string; updatedAt: Date }> {
      const everything = { search: null, categoryId: null, minPrice: null, maxPrice: null, inStock: null, sort: "newest" as const, limit: pageSize };
      let cursor: string | null = null;
      do {
        const page = await db.repos.products.search(catalogQuery({ ...everything, cursor }, false));
        for (const product of page.items) yield { slug: product.slug, updatedAt: product.updatedAt };
        cursor = page.nextCursor;
      } while (cursor !== null);
    },

    /** Live categories only: an archived one (and so its whole subtree, see decision record 120) is off the shop. */
    async categories() {
      return (await db.repos.categories.list()).filter((category) => category.archivedAt === null).map(categoryView);
    },

    async adminList({ status, ...input }: z.output<typeof adminCatalogListInput>) {
      const page = await db.repos.products.search({ ...catalogQuery(input, true), archived: status === null ? null : status === "archived" });
      return { items: page.items.map(adminProductView), nextCursor: page.nextCursor };
    },

    async adminProduct(productId: string) {
      const product = await db.repos.products.findById(productId);
      if (!product) throw notFound("Product");
      return adminProductView(product);
    },
  };
}
