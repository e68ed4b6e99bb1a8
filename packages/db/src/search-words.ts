import { searchWords, vocabularyWords } from "@bbscart/core";

/** Both engines split text with core's `searchWords`, the same split the spelling correction reads. */
export { searchWords };

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
