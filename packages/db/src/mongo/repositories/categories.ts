import type { Category, CategoryRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { categoryUniqueIndexes, type CategoryDoc } from "../models/categories.js";
import type { RepoContext } from "./context.js";
import { definedFields, fromDoc, toDoc } from "./mapping.js";

const toCategory = (doc: CategoryDoc): Category => fromDoc<Category>(doc);

export function categoryRepository({ models: { categories, products }, session, atomically }: RepoContext): CategoryRepository {
  return {
    async create(category) {
      await translateDuplicateKey(categoryUniqueIndexes, () => categories.insertMany([toDoc(category)], { session }));
    },
    update(id, patch) {
      // A rename also rewrites the name denormalised onto its products (for search), atomically.
      return atomically(async (tx) => {
        const doc = await translateDuplicateKey(categoryUniqueIndexes, () =>
          categories.findOneAndUpdate({ _id: id }, { $set: definedFields(patch) }, { returnDocument: "after", session: tx }).lean<CategoryDoc>(),
        );
        if (doc && patch.name !== undefined) await products.updateMany({ categoryId: id }, { $set: { categoryName: doc.name } }, { session: tx });
        return doc && toCategory(doc);
      });
    },
    async delete(id) {
      const result = await categories.deleteOne({ _id: id }, { session });
      return result.deletedCount === 1;
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
      const docs = await categories.find({}, null, { session }).sort({ name: 1, _id: 1 }).lean<CategoryDoc[]>();
      return docs.map(toCategory);
    },
  };
}
