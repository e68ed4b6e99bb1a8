/**
 * The catalog's vocabulary for "Did you mean" (ADR 146): each word of the product and category
 * names with how many products use it, and its SymSpell deletion keys, one row per key and word,
 * so the words near a typo are one primary-key range read per key. Existing products fill it
 * through `vocabulary_words_json` and `deletion_keys_json`, the functions `migrate` registers (the
 * same `productVocabulary` and `deletionKeys` the repositories write with).
 */
export const searchVocabulary = `
CREATE TABLE search_vocabulary (
  word TEXT PRIMARY KEY,
  products INTEGER NOT NULL CHECK (products >= 0)
) WITHOUT ROWID;
CREATE TABLE search_vocabulary_keys (
  key TEXT NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (key, word)
) WITHOUT ROWID;
CREATE INDEX search_vocabulary_keys_word ON search_vocabulary_keys (word);
INSERT INTO search_vocabulary (word, products)
  SELECT w.value, COUNT(*) FROM product_search s, json_each(vocabulary_words_json(s.name, s.category)) w GROUP BY w.value;
INSERT INTO search_vocabulary_keys (key, word)
  SELECT DISTINCT k.value, v.word FROM search_vocabulary v, json_each(deletion_keys_json(v.word)) k;
`;
