import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  correctQuery,
  correctWord,
  deletionKeys,
  editDistance,
  FEW_RESULTS,
  isVocabularyWord,
  maxEdits,
  searchWords,
  spellingOutcome,
  vocabularyRequest,
  vocabularyWords,
  type VocabularyEntry,
} from "./spelling.js";

const word = fc.string({ unit: fc.constantFrom(..."abcdeiks"), minLength: 0, maxLength: 9 });

/** One random edit: insert, delete, substitute or swap neighbours. */
const edited = (text: string, kind: number, at: number, letter: string): string => {
  const chars = [...text];
  const i = chars.length === 0 ? 0 : at % chars.length;
  if (kind === 0) chars.splice(at % (chars.length + 1), 0, letter);
  else if (kind === 1) chars.splice(i, 1);
  else if (kind === 2) chars.splice(i, 1, letter);
  else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  return chars.join("");
};

const entries = (...pairs: Array<[string, number]>): VocabularyEntry[] => pairs.map(([w, products]) => ({ word: w, products }));

describe("search words", () => {
  it("are lower-cased runs of letters and digits without accents; anything else separates", () => {
    expect(searchWords('Kurtā "KUR-BLU-M" -*(')).toEqual(["kurta", "kur", "blu", "m"]);
    expect(searchWords(null)).toEqual([]);
    expect(searchWords("--")).toEqual([]);
  });
});

describe("edit distance", () => {
  it("counts the edits a shopper makes", () => {
    expect(editDistance("ryce", "rice")).toBe(1);
    expect(editDistance("basmti", "basmati")).toBe(1);
    expect(editDistance("paneer", "panere")).toBe(1); // a swap is one edit
    expect(editDistance("ca", "abc")).toBe(3); // optimal string alignment never edits a swapped pair again
    expect(editDistance("", "dal")).toBe(3);
    expect(editDistance("dal", "")).toBe(3);
    expect(editDistance("चाय", "चाई")).toBe(1); // letters, not UTF-16 units
  });

  it("is a metric on words: zero only for equal words, symmetric, never more than the longer word", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });

  it("one edit is distance at most one", () => {
    fc.assert(
      fc.property(word, fc.nat(3), fc.nat(20), fc.constantFrom(..."abz"), (w, kind, at, letter) => {
        expect(editDistance(w, edited(w, kind, at, letter))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("allowed edits and the vocabulary", () => {
  it("allows none below 3 letters, one up to 5, two from 6", () => {
    expect([ "ox", "dal", "rice", "ryce5", "basmti", "चाय"].map(maxEdits)).toEqual([0, 1, 1, 1, 2, 1]);
  });

  it("keeps words of 3 letters or more that hold a letter", () => {
    expect(["rice", "of", "500", "12", "4k", "a4s"].map(isVocabularyWord)).toEqual([true, false, false, false, false, true]);
    expect(vocabularyWords(["basmati", "rice", "rice", "1", "of"])).toEqual(["basmati", "rice"]);
  });
});

describe("deletion keys", () => {
  it("are the word and every string up to its allowed deletions away", () => {
    expect(deletionKeys("dal").sort()).toEqual(["al", "da", "dal", "dl"]);
    expect(deletionKeys("ox")).toEqual(["ox"]);
    expect(deletionKeys("aab", 2).sort()).toEqual(["a", "aa", "aab", "ab", "b"]);
  });

  it("meet for every pair within both words' allowance (what makes the index complete)", () => {
    fc.assert(
      fc.property(word, fc.array(fc.tuple(fc.nat(3), fc.nat(20), fc.constantFrom(..."abz")), { maxLength: 2 }), (w, edits) => {
        const typo = edits.reduce((text, [kind, at, letter]) => edited(text, kind, at, letter), w);
        const distance = editDistance(w, typo);
        if (distance > Math.min(maxEdits(w), maxEdits(typo))) return;
        const stored = new Set(deletionKeys(w));
        expect(deletionKeys(typo).some((key) => stored.has(key))).toBe(true);
      }),
    );
  });

  it("a request asks only for words long enough to correct, each once", () => {
    expect(vocabularyRequest(["ox", "ryce", "ryce"])).toEqual({ words: ["ryce"], keys: deletionKeys("ryce") });
    expect(vocabularyRequest(["ox"])).toEqual({ words: [], keys: [] });
  });
});

describe("correction", () => {
  it("picks the closest word, then the one more products use, then alphabetical", () => {
    expect(correctWord("ryce", entries(["rice", 2], ["race", 1], ["rye", 5]))).toBe("rye");
    expect(correctWord("ryce", entries(["rice", 2], ["race", 1]))).toBe("rice");
    expect(correctWord("ryce", entries(["race", 2], ["rice", 2]))).toBe("race");
    expect(correctWord("basmti", entries(["basmati", 1], ["bastion", 9]))).toBe("basmati");
  });

  it("never corrects beyond what the shorter word allows, nor a word to itself", () => {
    // "basmti" may move 2 edits, "bat" only 1: too far for a 3-letter target
    expect(correctWord("basmti", entries(["bat", 4]))).toBeNull();
    expect(correctWord("rice", entries(["rice", 4]))).toBeNull();
    expect(correctWord("ryce", entries(["rocket", 4]))).toBeNull();
  });

  it("corrects unknown words only and says when nothing changed", () => {
    const near = entries(["basmati", 1], ["rice", 2]);
    expect(correctQuery(["basmti", "ryce"], { known: [], near })).toEqual(["basmati", "rice"]);
    // "ric" begins "rice": the search already finds it, it is not a typo
    expect(correctQuery(["basmti", "ric"], { known: ["ric"], near })).toEqual(["basmati", "ric"]);
    expect(correctQuery(["ox", "rice"], { known: ["rice"], near })).toBeNull();
    expect(correctQuery(["velvet"], { known: [], near })).toBeNull();
  });

  it("a corrected query is always as long as the original and differs only where a word was unknown", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 }))), (words, pairs) => {
        const near = entries(...pairs);
        const corrected = correctQuery(words, { known: [], near });
        if (corrected === null) return;
        expect(corrected).toHaveLength(words.length);
        corrected.forEach((w, i) => {
          if (w !== words[i]) expect(near.map((e) => e.word)).toContain(w);
        });
      }),
    );
  });
});

describe("what the shopper sees", () => {
  it("searches the correction when nothing was found, suggests it when it finds more than a few", () => {
    expect(spellingOutcome(0, 4)).toBe("apply");
    expect(spellingOutcome(0, 0)).toBe("none");
    expect(spellingOutcome(1, 5)).toBe("suggest");
    expect(spellingOutcome(2, 2)).toBe("none");
    expect(spellingOutcome(FEW_RESULTS, 20)).toBe("none");
  });
});
