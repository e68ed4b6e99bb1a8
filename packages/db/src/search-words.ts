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
