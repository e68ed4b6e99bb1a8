import { money, type Product, type Repositories, type Variant } from "@bbscart/core";
import type { productCreateInput, productIdInput, productUpdateInput, variantAddInput, variantCreateInput, variantUpdateInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CatalogDeps, notFound, pricingCurrency } from "../common/index.js";
import { requireStoredImages } from "./images.js";
import { slugFor } from "./slug.js";
import { adminProductView, adminVariantView, productSnapshot, variantSnapshot } from "./views.js";

async function requireCategory(repos: Repositories, categoryId: string): Promise<void> {
  if (!(await repos.categories.findById(categoryId))) throw new AppError("BAD_REQUEST", "categoryId names no category", { field: "categoryId" });
}

/** Prices are in the store currency: new variants take it from the settings. */
function newVariant(currency: string, id: string, productId: string, input: z.output<typeof variantCreateInput>): Variant {
  return {
    id,
    productId,
    sku: input.sku,
    name: input.name,
    price: money(input.priceMinor, currency),
    stock: { onHand: input.stockOnHand, reserved: 0 },
    active: input.active,
  };
}

/**
 * Admin product and variant changes. Each is one unit of work with its audit entry; products are
 * archived (inactive), never deleted, because orders keep pointing at them.
 */
export function productAdmin({ db, clock, ids, files }: CatalogDeps) {
  const record = auditAs(clock, ids);

  async function updateProduct(call: AdminCall, input: z.output<typeof productUpdateInput>, action = "product.update") {
    const { productId, images, ...fields } = input;
    if (images) await requireStoredImages(files, images);
    return db.uow.run(async (repos) => {
      const before = await repos.products.findById(productId);
      if (!before) throw notFound("Product");
      if (fields.categoryId !== undefined) await requireCategory(repos, fields.categoryId);
      const after = await repos.products.update(productId, { ...fields, ...(images ? { images } : {}), updatedAt: clock.now() });
      if (!after) throw notFound("Product");
      await record(repos, call, { action, targetType: "product", targetId: productId, before: productSnapshot(before), after: productSnapshot(after) });
      return adminProductView(after);
    });
  }

  return {
    async createProduct(call: AdminCall, input: z.output<typeof productCreateInput>) {
      await requireStoredImages(files, input.images);
      const slug = slugFor(input);
      return db.uow.run(async (repos) => {
        await requireCategory(repos, input.categoryId);
        const now = clock.now();
        const id = ids.next();
        const currency = await pricingCurrency(repos);
        const variants = input.variants.map((variant) => newVariant(currency, ids.next(), id, variant));
        const product: Product = {
          id,
          slug,
          name: input.name,
          description: input.description,
          categoryId: input.categoryId,
          active: input.active,
          images: input.images,
          taxRateBp: input.taxRateBp,
          variants,
          createdAt: now,
          updatedAt: now,
        };
        await repos.products.create(product);
        await record(repos, call, { action: "product.create", targetType: "product", targetId: id, before: null, after: productSnapshot(product) });
        return adminProductView(product);
      });
    },

    updateProduct: (call: AdminCall, input: z.output<typeof productUpdateInput>) => updateProduct(call, input),

    /** Takes a product off the shop; orders and carts keep resolving it. Restore with `updateProduct`. */
    archiveProduct: (call: AdminCall, input: z.output<typeof productIdInput>) => updateProduct(call, { ...input, active: false }, "product.archive"),

    async addVariant(call: AdminCall, input: z.output<typeof variantAddInput>) {
      const { productId, ...fields } = input;
      return db.uow.run(async (repos) => {
        if (!(await repos.products.findById(productId))) throw notFound("Product");
        const variant = newVariant(await pricingCurrency(repos), ids.next(), productId, fields);
        await repos.products.addVariant(variant);
        await record(repos, call, { action: "variant.create", targetType: "variant", targetId: variant.id, before: null, after: variantSnapshot(variant) });
        return adminVariantView(variant);
      });
    },

    async updateVariant(call: AdminCall, input: z.output<typeof variantUpdateInput>) {
      const { variantId, priceMinor, ...fields } = input;
      return db.uow.run(async (repos) => {
        const before = (await repos.products.findEntries([variantId])).get(variantId)?.variant;
        if (!before) throw notFound("Variant");
        const price = priceMinor === undefined ? {} : { price: money(priceMinor, before.price.currency) };
        const after = await repos.products.updateVariant(variantId, { ...fields, ...price });
        if (!after) throw notFound("Variant");
        await record(repos, call, { action: "variant.update", targetType: "variant", targetId: variantId, before: variantSnapshot(before), after: variantSnapshot(after) });
        return adminVariantView(after);
      });
    },
  };
}
