import type { ClientSession } from "mongoose";
import type { Category, CategoryRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { CATEGORY_TREE_COUNTER, categoryUniqueIndexes, type CategoryDoc } from "../models/categories.js";
import { COUNTERS_COLLECTION } from "../models/orders.js";
import type { Models } from "../models/index.js";
import { textDenormals, type SearchSources } from "./catalog-mapping.js";
import { bumpCatalogVersion } from "./catalog-version.js";
import type { RepoContext } from "./context.js";
import { applyVocabularyChange, productVocabularyChange } from "./vocabulary.js";
import { definedFields, fromDoc, toDoc } from "./mapping.js";

const toCategory = ({ position, description, image, archivedAt, ...doc }: CategoryDoc): Category => ({
  ...fromDoc<Omit<Category, "position" | "description" | "image" | "archivedAt">>(doc),
  position: position ?? 0,
  description: description ?? "",
  image: image ?? null,
  archivedAt: archivedAt ?? null,
});

/** Copies a category's new name onto its products, with the search tokens and vocabulary it changes, in the caller's transaction. */
async function renameOnProducts(models: Models, categoryId: string, categoryName: string, tx: ClientSession): Promise<void> {
  const { products } = models;
  const docs = await products
    .find({ categoryId }, { name: 1, description: 1, skus: 1, categoryName: 1 }, { session: tx })
    .lean<Array<SearchSources & { _id: string }>>();
  if (docs.length === 0) return;
  const change = new Map<string, number>();
  for (const doc of docs) productVocabularyChange(change, doc, { name: doc.name, categoryName });
  await applyVocabularyChange(models, change, tx);
  await products.bulkWrite(
    docs.map((doc) => ({
      updateOne: { filter: { _id: doc._id }, update: { $set: { categoryName, ...textDenormals({ ...doc, categoryName }) } } },
    })),
    { session: tx },
  );
}

export function categoryRepository({ models, session, atomically }: RepoContext): CategoryRepository {
  const { categories } = models;
  const counters = () => categories.db.collection<{ _id: string; value: number }>(COUNTERS_COLLECTION);
  return {
    create(category) {
      return atomically(async (tx) => {
        await translateDuplicateKey(categoryUniqueIndexes, () => categories.insertMany([toDoc(category)], { session: tx }));
        await bumpCatalogVersion(models, tx);
      });
    },
    update(id, patch) {
      // A rename also rewrites the name and search tokens denormalised onto its products, atomically.
      return atomically(async (tx) => {
        const doc = await translateDuplicateKey(categoryUniqueIndexes, () =>
          categories.findOneAndUpdate({ _id: id }, { $set: definedFields(patch) }, { returnDocument: "after", session: tx }).lean<CategoryDoc>(),
        );
        if (doc && patch.name !== undefined) await renameOnProducts(models, id, doc.name, tx);
        if (doc) await bumpCatalogVersion(models, tx);
        return doc && toCategory(doc);
      });
    },
    delete(id) {
      return atomically(async (tx) => {
        const result = await categories.deleteOne({ _id: id }, { session: tx });
        if (result.deletedCount !== 1) return false;
        await bumpCatalogVersion(models, tx);
        return true;
      });
    },
    async findById(id) {
      const doc = await categories.findById(id, null, { session }).lean<CategoryDoc>();
      return doc && toCategory(doc);
    },
    async findBySlug(slug) {
      const doc = await categories.findOne({ slug }, null, { session }).lean<CategoryDoc>();
      return doc && toCategory(doc);
    },
    async list() {
      const docs = await categories.find({}, null, { session }).sort({ position: 1, name: 1, _id: 1 }).lean<CategoryDoc[]>();
      return docs.map(toCategory);
    },
    async touchTree() {
      // The write that makes two overlapping tree edits conflict: both transactions update this one document.
      await counters().updateOne({ _id: CATEGORY_TREE_COUNTER }, { $inc: { value: 1 } }, { upsert: true, session });
      const counter = await counters().findOne({ _id: CATEGORY_TREE_COUNTER }, { session });
      if (!counter) throw new Error("the category tree counter is missing right after its upsert");
      return counter.value;
    },
    async treeVersion() {
      return (await counters().findOne({ _id: CATEGORY_TREE_COUNTER }, { session }))?.value ?? 0;
    },
  };
}
