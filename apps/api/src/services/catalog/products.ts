import { alignedImages, changePrice, checkProductCategory, checkSlab, editImages, money, type Product, type Repositories, type Variant } from "@bbscart/core";
import type {
  productBulkInput,
  productCreateInput,
  productIdInput,
  productPricePreviewInput,
  productUpdateInput,
  variantAddInput,
  variantCreateInput,
  variantUpdateInput,
} from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, auditAs, type CatalogDeps, loadSettings, notFound, pricingCurrency, refused } from "../common/index.js";
import { requireStoredImages } from "./images.js";
import { slugFor } from "./slug.js";
import { adminProductView, adminVariantView, productSnapshot, variantSnapshot } from "./views.js";

/** Products go only into a live category (`categoryId` names the field at fault). */
async function requireCategory(repos: Repositories, categoryId: string): Promise<void> {
  const decided = checkProductCategory(await repos.categories.findById(categoryId));
  if (!decided.ok) throw refused(decided.error);
}

/** Every product named, in the order named; an unknown id is bad input naming `productIds`. */
async function loadProducts(repos: Repositories, productIds: readonly string[]): Promise<Product[]> {
  const products: Product[] = [];
  for (const productId of productIds) {
    const product = await repos.products.findById(productId);
    if (!product) throw refused({ code: "PRODUCT_NOT_FOUND", productId });
    products.push(product);
  }
  return products;
}

/** Old and new price of every variant of the products, as a bulk price change would set them. */
function priceChanges(products: readonly Product[], changeBp: number) {
  return products.flatMap((product) =>
    product.variants.map((variant) => ({
      productId: product.id,
      productName: product.name,
      variantId: variant.id,
      sku: variant.sku,
      variantName: variant.name,
      before: variant.price,
      after: changePrice(variant.price, changeBp),
    })),
  );
}

/** A slug not taken yet: the base, then base-2, base-3… */
async function freeSlug(repos: Repositories, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repos.products.findBySlug(candidate))) return candidate;
  }
}

/**
 * A copied variant's SKU: the original's with a suffix from the copy's product id, so the copies'
 * SKUs are distinct from the original and from every other copy (a clash is refused as a
 * conflict naming `sku`, never overwritten).
 */
const copySku = (sku: string, copyId: string) => `${sku.slice(0, 50)}-C${copyId.replace(/[^A-Za-z0-9]/g, "").slice(-8).toUpperCase()}`;

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

/** A product's own GST rate must be one of the store's slabs (its absence means the store's default rate, a slab already). */
async function requireSlab(repos: Pick<Repositories, "settings">, rateBp: number): Promise<void> {
  const checked = checkSlab((await loadSettings(repos)).tax, rateBp, "taxRateBp");
  if (!checked.ok) throw refused(checked.error);
}

/**
 * Admin product and variant changes. Each is one unit of work with its audit entry; products are
 * archived (inactive), never deleted, because orders keep pointing at them.
 */
export function productAdmin({ db, clock, ids, files }: CatalogDeps) {
  const record = auditAs(clock, ids);

  async function updateProduct(call: AdminCall, input: z.output<typeof productUpdateInput>, action = "product.update") {
    const { productId, images, imageAlts, ...fields } = input;
    if (images) await requireStoredImages(files, images);
    return db.uow.run(async (repos) => {
      if (typeof fields.taxRateBp === "number") await requireSlab(repos, fields.taxRateBp);
      const before = await repos.products.findById(productId);
      if (!before) throw notFound("Product");
      // Moving a product, or putting it back on sale, needs a live category; other edits of an
      // archived product in an archived category are fine.
      const moves = fields.categoryId !== undefined && fields.categoryId !== before.categoryId;
      if (moves || (fields.active === true && !before.active)) await requireCategory(repos, fields.categoryId ?? before.categoryId);
      // Images and their alt texts are written together, so each text stays with its picture (ADR 148).
      const pictures = editImages(before, { ...(images ? { images } : {}), ...(imageAlts ? { imageAlts } : {}) });
      if (!pictures.ok) throw refused(pictures.error);
      const changesPictures = images !== undefined || imageAlts !== undefined;
      const after = await repos.products.update(productId, { ...fields, ...(changesPictures ? pictures.value : {}), updatedAt: clock.now() });
      if (!after) throw notFound("Product");
      await record(repos, call, { action, targetType: "product", targetId: productId, before: productSnapshot(before), after: productSnapshot(after) });
      return adminProductView(after);
    });
  }

  return {
    async createProduct(call: AdminCall, input: z.output<typeof productCreateInput>) {
      const pictures = alignedImages(input.images, input.imageAlts);
      if (!pictures.ok) throw refused(pictures.error);
      await requireStoredImages(files, input.images);
      const slug = slugFor(input);
      return db.uow.run(async (repos) => {
        await requireCategory(repos, input.categoryId);
        if (input.taxRateBp !== null) await requireSlab(repos, input.taxRateBp);
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
          ...pictures.value,
          taxRateBp: input.taxRateBp,
          ...(input.hsnCode !== null && { hsnCode: input.hsnCode }),
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

    /** Back on the shop; refused while its category is archived. */
    restoreProduct: (call: AdminCall, input: z.output<typeof productIdInput>) => updateProduct(call, { ...input, active: true }, "product.restore"),

    /** What a bulk price change would set, computed exactly as `bulkUpdate` applies it; nothing is written. */
    async pricePreview(input: z.output<typeof productPricePreviewInput>) {
      return { changes: priceChanges(await loadProducts(db.repos, input.productIds), input.changeBp) };
    },

    /**
     * Archive, restore, re-categorise or re-price many products in one unit of work: all of them
     * change, or none (an unknown id or an archived category refuses the whole batch). Each product
     * gets its own audit entry, so its history reads the same as after a one-by-one edit.
     */
    async bulkUpdate(call: AdminCall, input: z.output<typeof productBulkInput>) {
      const { action } = input;
      return db.uow.run(async (repos) => {
        const products = await loadProducts(repos, input.productIds);
        const now = clock.now();
        if (action.type === "price") {
          const changes = priceChanges(products, action.changeBp);
          for (const change of changes) await repos.products.updateVariant(change.variantId, { price: change.after });
          for (const product of products) {
            const after = await repos.products.update(product.id, { updatedAt: now });
            if (!after) throw notFound("Product");
            await record(repos, call, { action: "product.bulk.price", targetType: "product", targetId: product.id, before: productSnapshot(product), after: productSnapshot(after) });
          }
          return { updated: products.length, changes };
        }
        if (action.type === "category") await requireCategory(repos, action.categoryId);
        if (action.type === "restore") for (const product of products) await requireCategory(repos, product.categoryId);
        const patch = action.type === "category" ? { categoryId: action.categoryId } : { active: action.type === "restore" };
        for (const product of products) {
          const after = await repos.products.update(product.id, { ...patch, updatedAt: now });
          if (!after) throw notFound("Product");
          await record(repos, call, { action: `product.bulk.${action.type}`, targetType: "product", targetId: product.id, before: productSnapshot(product), after: productSnapshot(after) });
        }
        return { updated: products.length, changes: [] };
      });
    },

    /**
     * A copy to edit into a sibling product: same description, category, tax rate, images and
     * variants with their prices, under free "-copy" slug and SKUs. It starts archived and with no
     * stock, so nothing is sold before the admin has reviewed it (decision record 121).
     */
    async duplicateProduct(call: AdminCall, input: z.output<typeof productIdInput>) {
      return db.uow.run(async (repos) => {
        const source = await repos.products.findById(input.productId);
        if (!source) throw notFound("Product");
        const now = clock.now();
        const id = ids.next();
        const slug = await freeSlug(repos, `${source.slug}-copy`);
        const variants: Variant[] = source.variants.map((variant) => ({
          ...variant,
          id: ids.next(),
          productId: id,
          sku: copySku(variant.sku, id),
          stock: { onHand: 0, reserved: 0 },
        }));
        const copy: Product = { ...source, id, slug, name: `${source.name} (copy)`, active: false, variants, createdAt: now, updatedAt: now };
        await repos.products.create(copy);
        await record(repos, call, { action: "product.duplicate", targetType: "product", targetId: id, before: null, after: { ...productSnapshot(copy), copiedFrom: source.id } });
        return adminProductView(copy);
      });
    },

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
