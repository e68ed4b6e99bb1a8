import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indianNumberInWords, rupeesInWords } from "./amount-in-words.js";

describe("indianNumberInWords", () => {
  it.each([
    [0, "Zero"],
    [7, "Seven"],
    [19, "Nineteen"],
    [20, "Twenty"],
    [42, "Forty-Two"],
    [100, "One Hundred"],
    [305, "Three Hundred Five"],
    [999, "Nine Hundred Ninety-Nine"],
    [1000, "One Thousand"],
    [10_001, "Ten Thousand One"],
    [99_999, "Ninety-Nine Thousand Nine Hundred Ninety-Nine"],
    [100_000, "One Lakh"],
    [120_000, "One Lakh Twenty Thousand"],
    [2_500_050, "Twenty-Five Lakh Fifty"],
    [10_000_000, "One Crore"],
    [12_34_56_789, "Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine"],
    [1_000_000_000, "One Hundred Crore"],
    [1_00_000_00_00_000, "One Lakh Crore"],
  ])("%i reads %s", (n, words) => {
    expect(indianNumberInWords(n)).toBe(words);
  });

  it("refuses what is not a non-negative safe integer", () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => indianNumberInWords(bad)).toThrow(/non-negative safe integer/);
  });

  it("never leaves a double space, a dangling word or an empty group", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = indianNumberInWords(n);
        expect(words).not.toMatch(/ {2}|^ | $|Zero/);
      }),
    );
  });
});

describe("rupeesInWords", () => {
  it.each([
    [0, "Rupees Zero Only"],
    [100, "Rupees One Only"],
    [5, "Five Paise Only"],
    [12_000_050, "Rupees One Lakh Twenty Thousand and Fifty Paise Only"],
    [-129_900, "Minus Rupees One Thousand Two Hundred Ninety-Nine Only"],
    [-1, "Minus One Paise Only"],
  ])("%i minor reads %s", (minor, words) => {
    expect(rupeesInWords(minor)).toBe(words);
  });

  it("refuses a fraction of a paisa", () => {
    expect(() => rupeesInWords(1.5)).toThrow(/safe integer/);
  });
});

