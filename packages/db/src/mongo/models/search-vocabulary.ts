import { Schema } from "mongoose";
import { collectionOptions } from "./shared.js";

/**
 * A word of the catalog's vocabulary (ADR 146): how many products use it in their name or category
 * name, and its SymSpell deletion keys (`deletionKeys`), multikey-indexed so the words near a typo
 * are one `$in` read. Written only by catalog writes, never by a checkout.
 */
export interface SearchVocabularyDoc {
  _id: string;
  products: number;
  keys: string[];
}

export const searchVocabularySchema = new Schema<SearchVocabularyDoc>(
  {
    _id: { type: String, required: true },
    products: { type: Number, required: true },
    keys: { type: [String], required: true },
  },
  collectionOptions("search_vocabulary"),
);

searchVocabularySchema.index({ keys: 1 }, { name: "keys" });
