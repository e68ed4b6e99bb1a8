import { Schema } from "mongoose";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

export interface CategoryDoc {
  _id: string;
  slug: string;
  name: string;
  parentId: string | null;
  // Absent on categories stored before the tree editor: read as position 0, no description, no image, live.
  position?: number;
  description?: string;
  image?: string | null;
  archivedAt?: Date | null;
}

export const categorySchema = new Schema<CategoryDoc>(
  {
    _id: stringId,
    slug: { type: String, required: true },
    name: { type: String, required: true },
    parentId: nullable(String),
    position: { type: Number, default: 0 },
    description: { type: String, default: "" },
    image: nullable(String),
    archivedAt: nullable(Date),
  },
  collectionOptions("categories"),
);
categorySchema.index({ slug: 1 }, { unique: true, name: "slug_unique" });
categorySchema.index({ position: 1, name: 1, _id: 1 }, { name: "position_name" });

/** The counter (in `counters`) every tree edit bumps in its transaction, so overlapping tree edits conflict (decision record 120). */
export const CATEGORY_TREE_COUNTER = "category_tree";

export const categoryUniqueIndexes: UniqueIndexNames = { slug_unique: "categories.slug" };
