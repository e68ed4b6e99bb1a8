import { deletionKeys, type VocabularyLookup } from "@bbscart/core";
import type { Connection } from "../connection.js";
import { jsonList } from "../codec.js";

/** The highest code point: `word || MAX` bounds the range of every word that begins with `word`. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/**
 * Applies a vocabulary change (see `addVocabularyChange`) in the caller's transaction: a word's count
 * moves by its delta; a word new to the catalog gets its deletion keys, one no product uses any more
 * loses its row and keys, so suggestions never name a word the catalog has lost.
 */
export function applyVocabularyChange(connection: Connection, change: ReadonlyMap<string, number>): void {
  for (const [word, delta] of change) {
    if (delta > 0) {
      const row = connection
        .prepare("INSERT INTO search_vocabulary (word, products) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET products = products + excluded.products RETURNING products")
        .get(word, delta) as { products: number };
      if (row.products > delta) continue;
      const insert = connection.prepare("INSERT INTO search_vocabulary_keys (key, word) VALUES (?, ?)");
      for (const key of deletionKeys(word)) insert.run(key, word);
    } else if (delta < 0) {
      const row = connection.prepare("UPDATE search_vocabulary SET products = products + ? WHERE word = ? RETURNING products").get(delta, word) as
        | { products: number }
        | undefined;
      if (row === undefined || row.products > 0) continue;
      connection.prepare("DELETE FROM search_vocabulary WHERE word = ?").run(word);
      connection.prepare("DELETE FROM search_vocabulary_keys WHERE word = ?").run(word);
    }
  }
}

/** See `ProductRepository.lookupVocabulary`: a range probe per word, then one indexed read of the keys. */
export function lookupVocabulary(connection: Connection, request: { readonly words: readonly string[]; readonly keys: readonly string[] }): VocabularyLookup {
  const probe = connection.prepare("SELECT 1 FROM search_vocabulary WHERE word >= ? AND word < ? LIMIT 1");
  const known = request.words.filter((word) => probe.get(word, word + MAX_CHAR) !== undefined);
  const near =
    request.keys.length === 0
      ? []
      : (connection
          .prepare(
            `SELECT v.word, v.products FROM search_vocabulary v
             WHERE v.word IN (SELECT k.word FROM search_vocabulary_keys k WHERE k.key IN (SELECT value FROM json_each(?)))`,
          )
          .all(jsonList(request.keys)) as Array<{ word: string; products: number }>);
  return { known, near };
}
