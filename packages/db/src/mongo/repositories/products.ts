import type { ClientSession } from "mongoose";
import type { ProductRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import type { CategoryDoc } from "../models/categories.js";
import { productUniqueIndexes, type ProductDoc } from "../models/products.js";
import { variantUniqueIndexes, type VariantDoc } from "../models/variants.js";
import { entriesFor, productDoc, textDenormals, toVariant, variantDenormals, variantDoc, withVariants, type SearchSources } from "./catalog-mapping.js";
import { bumpCatalogVersion } from "./catalog-version.js";
import type { RepoContext } from "./context.js";
import { definedFields } from "./mapping.js";
import { listProducts, searchProducts } from "./product-search.js";
import { applyVocabularyChange, lookupVocabulary, productVocabularyChange } from "./vocabulary.js";

const productOrVariantIndexes = { ...productUniqueIndexes, ...variantUniqueIndexes };

export function productRepository(ctx: RepoContext): ProductRepository {
  const { models, session, atomically } = ctx;
  const { products, variants, categories } = models;

  async function categoryName(categoryId: string, tx: ClientSession): Promise<string> {
    const category = await categories.findById(categoryId, { name: 1 }, { session: tx }).lean<Pick<CategoryDoc, "name">>();
    return category?.name ?? "";
  }

  /**
   * Rewrites the SKUs, cheapest price and search tokens a product derives from its variants.
   * Called after a variant write in the same transaction; because it writes the product
   * document, two concurrent variant edits of one product conflict and one retries, so
   * neither denormal is lost.
   */
  async function refreshDenormals(productId: string, tx: ClientSession): Promise<void> {
    const docs = await variants.find({ productId }, { sku: 1, active: 1, price: 1 }, { session: tx }).lean<Pick<VariantDoc, "sku" | "active" | "price">[]>();
    const product = await products.findById(productId, { name: 1, description: 1, categoryName: 1 }, { session: tx }).lean<Omit<SearchSources, "skus">>();
    if (!product) return;
    const derived = variantDenormals(docs);
    await products.updateOne({ _id: productId }, { $set: { ...derived, ...textDenormals({ ...product, skus: derived.skus }) } }, { session: tx });
  }

  async function loadOne(filter: { _id: string } | { slug: string }, tx: ClientSession | undefined) {
    const doc = await products.findOne(filter, null, { session: tx }).lean<ProductDoc>();
    if (!doc) return null;
    const [product] = await withVariants(models, tx, [doc]);
    return product ?? null;
  }

  return {
    create(product) {
      return atomically((tx) =>
        translateDuplicateKey(productOrVariantIndexes, async () => {
          const doc = productDoc(product, await categoryName(product.categoryId, tx));
          await products.insertMany([doc], { session: tx });
          if (product.variants.length > 0) await variants.insertMany(product.variants.map(variantDoc), { session: tx });
          await applyVocabularyChange(models, productVocabularyChange(new Map(), null, doc), tx);
          await bumpCatalogVersion(models, tx);
        }),
      );
    },
    findById: (id) => loadOne({ _id: id }, session),
    findBySlug: (slug) => loadOne({ slug }, session),
    async findEntries(variantIds) {
      const docs = await variants.find({ _id: { $in: [...variantIds] } }, null, { session }).lean<VariantDoc[]>();
      const entries = await entriesFor(models, session, docs);
      return new Map(entries.map((entry) => [entry.variant.id, entry]));
    },
    search: (query) => searchProducts(ctx, query),
    listing: (query) => listProducts(ctx, query),
    lookupVocabulary: (request) => lookupVocabulary(models, session, request),
    update(id, patch) {
      return atomically(async (tx) => {
        const set: Partial<ProductDoc> = definedFields(patch) as Partial<ProductDoc>;
        if (patch.categoryId !== undefined) set.categoryName = await categoryName(patch.categoryId, tx);
        const before = await translateDuplicateKey(productUniqueIndexes, () =>
          products.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: "before", session: tx }).lean<ProductDoc>(),
        );
        if (!before) return null;
        const doc: ProductDoc = { ...before, ...set };
        // The tokens and the vocabulary follow the name, description and category written just above, in the same transaction.
        await products.updateOne({ _id: id }, { $set: textDenormals(doc) }, { session: tx });
        await applyVocabularyChange(models, productVocabularyChange(new Map(), before, doc), tx);
        await bumpCatalogVersion(models, tx);
        const [product] = await withVariants(models, tx, [doc]);
        return product ?? null;
      });
    },
    addVariant(variant) {
      return atomically(async (tx) => {
        const position = await variants.countDocuments({ productId: variant.productId }, { session: tx });
        await translateDuplicateKey(variantUniqueIndexes, () => variants.insertMany([variantDoc(variant, position)], { session: tx }));
        await refreshDenormals(variant.productId, tx);
        await bumpCatalogVersion(models, tx);
      });
    },
    updateVariant(variantId, patch) {
      return atomically(async (tx) => {
        const doc = await translateDuplicateKey(variantUniqueIndexes, () =>
          variants.findOneAndUpdate({ _id: variantId }, { $set: definedFields(patch) }, { returnDocument: "after", session: tx }).lean<VariantDoc>(),
        );
        if (!doc) return null;
        await refreshDenormals(doc.productId, tx);
        await bumpCatalogVersion(models, tx);
        return toVariant(doc);
      });
    },
    async lowStock(threshold, limit) {
      const docs = await variants
        .find({ active: true, available: { $lte: threshold } }, null, { session })
        .sort({ available: 1, _id: 1 })
        .limit(limit)
        .lean<VariantDoc[]>();
      return entriesFor(models, session, docs);
    },
  };
}
