/**
 * Spelling correction for catalog search (decision records 145 and 146): the catalog's own words
 * (its vocabulary) are the dictionary, candidates come from a deletion neighbourhood (SymSpell),
 * and a candidate counts when its Damerau-Levenshtein distance (optimal string alignment) to the
 * shopper's word is within what the shorter of the two words allows. Pure: the adapters store the
 * vocabulary and its deletion keys; the service asks, these functions decide.
 */

/** A word of the catalog's vocabulary and how many products use it (name or category name). */
export interface VocabularyEntry {
  readonly word: string;
  readonly products: number;
}

/** What the vocabulary says about a query's words: which begin a vocabulary word, and near words. */
export interface VocabularyLookup {
  /** Query words that are a prefix of (or equal to) some vocabulary word: they need no correction. */
  readonly known: readonly string[];
  /** Vocabulary words that share a deletion key with a query word. */
  readonly near: readonly VocabularyEntry[];
}

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

/** Below this many results on the first page, a search looks for a correction that finds more. */
export const FEW_RESULTS = 3;

const letters = (word: string): string[] => [...word];

/**
 * How many edits a word may be away from its correction: none below 3 letters (too many words are
 * one edit from "ox"), one up to 5 letters ("ryce" → "rice"), two from 6 ("basmti" → "basmati").
 */
export function maxEdits(word: string): number {
  const length = letters(word).length;
  return length < 3 ? 0 : length < 6 ? 1 : 2;
}

/**
 * Whether a catalog word belongs in the vocabulary: a correction target must be correctable-to,
 * so at least 3 letters, and not a bare number (a bench copy's "12" or a pack size's "500").
 */
export function isVocabularyWord(word: string): boolean {
  return maxEdits(word) > 0 && /\p{L}/u.test(word);
}

/** The distinct vocabulary words of some already split words (see `searchWords` in the db package). */
export function vocabularyWords(words: readonly string[]): string[] {
  return [...new Set(words.filter(isVocabularyWord))];
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
 * neighbours each cost one, no substring edited twice. Counts code points, not UTF-16 units.
 */
export function editDistance(a: string, b: string): number {
  const s = letters(a);
  const t = letters(b);
  // rows[i][j]: distance between the first i letters of s and the first j of t
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= t.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[s.length]![t.length]!;
}

/**
 * The word and every string made by deleting up to `edits` of its letters. Two words within `k`
 * edits of each other (k ≤ both words' allowance) always share one of these keys: a substitution
 * or transposition is one deletion on each side, an insertion one deletion on the longer side.
 */
export function deletionKeys(word: string, edits: number = maxEdits(word)): string[] {
  const keys = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const key of frontier) {
      const chars = letters(key);
      for (let i = 0; i < chars.length; i++) {
        const shorter = chars.slice(0, i).join("") + chars.slice(i + 1).join("");
        if (!keys.has(shorter)) {
          keys.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return [...keys];
}

/** What a search asks the vocabulary for its words: the words themselves and their deletion keys. */
export function vocabularyRequest(words: readonly string[]): { words: string[]; keys: string[] } {
  const correctable = [...new Set(words)].filter((word) => maxEdits(word) > 0);
  return { words: correctable, keys: [...new Set(correctable.flatMap((word) => deletionKeys(word)))] };
}

/**
 * The best correction of one word among near vocabulary words, or null when none is close enough.
 * Closer first, then the word more products use, then alphabetical, so the choice is stable.
 */
export function correctWord(word: string, near: readonly VocabularyEntry[]): string | null {
  let best: { entry: VocabularyEntry; distance: number } | null = null;
  for (const entry of near) {
    const distance = editDistance(word, entry.word);
    if (distance === 0 || distance > Math.min(maxEdits(word), maxEdits(entry.word))) continue;
    const better =
      best === null ||
      distance < best.distance ||
      (distance === best.distance && (entry.products > best.entry.products || (entry.products === best.entry.products && entry.word < best.entry.word)));
    if (better) best = { entry, distance };
  }
  return best?.entry.word ?? null;
}

/**
 * A query's words with each unknown word replaced by its correction, or null when nothing changes.
 * A word is left alone when it begins a vocabulary word (the search already matches it as a
 * prefix), is too short to correct, or has no close vocabulary word.
 */
export function correctQuery(words: readonly string[], lookup: VocabularyLookup): string[] | null {
  const known = new Set(lookup.known);
  let changed = false;
  const corrected = words.map((word) => {
    if (known.has(word) || maxEdits(word) === 0) return word;
    const correction = correctWord(word, lookup.near);
    if (correction === null) return word;
    changed = true;
    return correction;
  });
  return changed ? corrected : null;
}

/**
 * What the shopper sees (decision record 145): nothing found but the correction finds something →
 * the corrected results, said so ("apply"); a few found and the correction finds more → the
 * original results and a "Did you mean" link ("suggest"); otherwise the results as they are.
 */
export function spellingOutcome(found: number, correctedFound: number): "apply" | "suggest" | "none" {
  if (found === 0) return correctedFound > 0 ? "apply" : "none";
  return found < FEW_RESULTS && correctedFound > found ? "suggest" : "none";
}
