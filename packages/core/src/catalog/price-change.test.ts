import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inr } from "../testing/builders.js";
import { changePrice, MAX_PRICE_CHANGE_BP, MIN_PRICE_CHANGE_BP } from "./price-change.js";

describe("bulk price change", () => {
  it("moves a price by basis points, rounding half up to the paisa", () => {
    expect(changePrice(inr(49_900), 1_000)).toEqual(inr(54_890));
    expect(changePrice(inr(49_900), -1_000)).toEqual(inr(44_910));
    expect(changePrice(inr(999), 250)).toEqual(inr(1_024)); // 1023.975 → 1024
    expect(changePrice(inr(10), -1_250)).toEqual(inr(9)); // 8.75 → 9
    expect(changePrice(inr(2), -7_500)).toEqual(inr(1)); // 0.5 → 1
  });

  it("never falls below one minor unit and refuses changes out of range", () => {
    expect(changePrice(inr(1), MIN_PRICE_CHANGE_BP)).toEqual(inr(1));
    expect(() => changePrice(inr(100), MIN_PRICE_CHANGE_BP - 1)).toThrow(RangeError);
    expect(() => changePrice(inr(100), MAX_PRICE_CHANGE_BP + 1)).toThrow(RangeError);
    expect(() => changePrice(inr(100), 1.5)).toThrow(RangeError);
  });

  it("moves every price the way the change points, within half a paisa", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: MIN_PRICE_CHANGE_BP, max: MAX_PRICE_CHANGE_BP }), (minor, bp) => {
        const next = changePrice(inr(minor), bp).minor;
        const exact = (minor * (10_000 + bp)) / 10_000;
        expect(Number.isSafeInteger(next)).toBe(true);
        expect(Math.abs(next - Math.max(1, exact))).toBeLessThanOrEqual(0.5 + 1e-6 * exact);
        if (bp > 0) expect(next).toBeGreaterThanOrEqual(minor);
        if (bp < 0) expect(next).toBeLessThanOrEqual(minor);
      }),
    );
  });
});

describe("changePrice refuses what no form can send", () => {
  it("throws on a change outside its bounds, a fractional change, or a price below one paisa", () => {
    expect(() => changePrice(inr(100), MAX_PRICE_CHANGE_BP + 1)).toThrow(RangeError);
    expect(() => changePrice(inr(100), MIN_PRICE_CHANGE_BP - 1)).toThrow(RangeError);
    expect(() => changePrice(inr(100), 1.5)).toThrow(RangeError);
    expect(() => changePrice(inr(0), 100)).toThrow(RangeError);
  });
});
