import { vocabularyWords } from "@bbscart/core";

/**
 * The words of a piece of catalog text or of a shopper's query, as both engines' searches
 * see them: runs of letters and digits, lower-cased, accents removed ("Kurtā" → "kurta").
 * Everything else separates words, so a shopper's quotes, dashes or stars are never read as
 * query syntax, and a SKU "KUR-BLU-M" is the words "kur", "blu", "m". It matches SQLite's
 * `unicode61 remove_diacritics 2` tokenizer, so both adapters split text the same way.
 */
export function searchWords(text: string | null): string[] {
  if (!text) return [];
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The vocabulary words of a product: those of its name and of its category's name (ADR 146). */
export function productVocabulary(name: string, categoryName: string): string[] {
  return vocabularyWords([...searchWords(name), ...searchWords(categoryName)]);
}

/**
 * Adds to `change` what one product's words moving from `before` to `after` does to the vocabulary:
 * −1 for each word it no longer uses, +1 for each it now uses; words it keeps are untouched, so a
 * price or stock write changes nothing. Both engines apply the sum in the write's unit of work.
 */
export function addVocabularyChange(change: Map<string, number>, before: readonly string[], after: readonly string[]): Map<string, number> {
  const kept = new Set(after);
  const had = new Set(before);
  for (const word of had) if (!kept.has(word)) change.set(word, (change.get(word) ?? 0) - 1);
  for (const word of kept) if (!had.has(word)) change.set(word, (change.get(word) ?? 0) + 1);
  return change;
}
