import type { ClientSession } from "mongoose";
import { deletionKeys, type VocabularyLookup } from "@bbscart/core";
import type { Models } from "../models/index.js";
import type { ProductDoc } from "../models/products.js";
import { addVocabularyChange, productVocabulary } from "../../search-words.js";
import { escapeRegex } from "./mapping.js";

type Vocabulary = Pick<Models, "searchVocabulary">;

/**
 * Applies a vocabulary change (see `addVocabularyChange`) in the caller's transaction: `$inc` by
 * the delta, the deletion keys set when the word is new; a word no product uses any more is removed,
 * so suggestions never name a word the catalog has lost.
 */
export async function applyVocabularyChange({ searchVocabulary }: Vocabulary, change: ReadonlyMap<string, number>, tx: ClientSession): Promise<void> {
  const entries = [...change].filter(([, delta]) => delta !== 0);
  if (entries.length === 0) return;
  await searchVocabulary.bulkWrite(
    entries.map(([word, delta]) => ({
      updateOne: { filter: { _id: word }, update: { $inc: { products: delta }, $setOnInsert: { keys: deletionKeys(word) } }, upsert: true },
    })),
    { session: tx },
  );
  const lost = entries.filter(([, delta]) => delta < 0).map(([word]) => word);
  if (lost.length > 0) await searchVocabulary.deleteMany({ _id: { $in: lost }, products: { $lte: 0 } }, { session: tx });
}

/** The vocabulary change of one product's name or category name moving from `before` to `after`. */
export const productVocabularyChange = (change: Map<string, number>, before: Pick<ProductDoc, "name" | "categoryName"> | null, after: Pick<ProductDoc, "name" | "categoryName">) =>
  addVocabularyChange(change, before ? productVocabulary(before.name, before.categoryName) : [], productVocabulary(after.name, after.categoryName));

/** See `ProductRepository.lookupVocabulary`: an anchored `_id` probe per word, one `keys` index read. */
export async function lookupVocabulary(
  { searchVocabulary }: Vocabulary,
  session: ClientSession | undefined,
  request: { readonly words: readonly string[]; readonly keys: readonly string[] },
): Promise<VocabularyLookup> {
  const probes = await Promise.all(
    request.words.map((word) => searchVocabulary.findOne({ _id: new RegExp(`^${escapeRegex(word)}`) }, { _id: 1 }, { session }).lean()),
  );
  const near =
    request.keys.length === 0
      ? []
      : await searchVocabulary.find({ keys: { $in: [...request.keys] } }, { products: 1 }, { session }).lean<Array<{ _id: string; products: number }>>();
  return { known: request.words.filter((_, i) => probes[i] !== null), near: near.map((doc) => ({ word: doc._id, products: doc.products })) };
}

/**
 * Gives a catalog stored before the vocabulary existed its words; open calls it. Idempotent and safe
 * for two processes opening at once: each word is written only if absent, with the same counts.
 */
export async function fillSearchVocabulary({ products, searchVocabulary }: Pick<Models, "products" | "searchVocabulary">): Promise<void> {
  if ((await searchVocabulary.estimatedDocumentCount()) > 0) return;
  const counts = new Map<string, number>();
  for await (const doc of products.find({}, { name: 1, categoryName: 1 }).lean<Pick<ProductDoc, "name" | "categoryName">>().cursor()) {
    productVocabularyChange(counts, null, doc);
  }
  if (counts.size === 0) return;
  await searchVocabulary.bulkWrite(
    [...counts].map(([word, count]) => ({
      updateOne: { filter: { _id: word }, update: { $setOnInsert: { products: count, keys: deletionKeys(word) } }, upsert: true },
    })),
  );
}
