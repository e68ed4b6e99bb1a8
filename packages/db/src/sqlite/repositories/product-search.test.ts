import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchWords } from "../../search-words.js";
import { hitCounter } from "./product-search.js";

/** The rule itself: a query word counts when it begins a word of the text as `searchWords` splits it. */
const byTokens = (words: readonly string[], text: string) => {
  const tokens = searchWords(text);
  return words.filter((word) => tokens.some((token) => token.startsWith(word))).length;
};

// Names and SKUs as shops type them, with the characters that split words or fold: case, digits,
// punctuation, accents and other scripts.
const character = fc.constantFrom(..."abcKURtaz019 -_/.,&'()~\t\né ÉüçñदेवनागरीКурта".split(""));
const text = fc.array(character, { maxLength: 30 }).map((chars) => chars.join(""));

describe("counting a product's name hits below the top tier", () => {
  it("counts what splitting the text into words counts, ASCII or not", () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 3 }), (name, queries) => {
        const words = [...new Set(queries.flatMap((query) => searchWords(query)))];
        expect(hitCounter(words)(name)).toBe(byTokens(words, name));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a word only at the start of a word: 'ta' is not in 'kurta', 'ku' is in 'blue-kurta'", () => {
    expect(hitCounter(["ta"])("Cotton Kurta")).toBe(0);
    expect(hitCounter(["ku", "bl"])("KUR-BLUE-kurta")).toBe(2);
    expect(hitCounter(["cafe"])("Café Mocha")).toBe(1);
  });
});
