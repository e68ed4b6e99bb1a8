import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

export interface CategoryDoc {
  _id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

export const categorySchema = new Schema<CategoryDoc>(
  {
    _id: stringId,
    slug: { type: String, required: true },
    name: { type: String, required: true },
    parentId: nullable(String),
  },
  collectionOptions("categories"),
);
categorySchema.index({ slug: 1 }, { unique: true, name: "slug_unique" });
categorySchema.index({ name: 1, _id: 1 }, { name: "name" });

export const categoryUniqueIndexes: UniqueIndexNames = { slug_unique: "categories.slug" };
