import { describe, expect, it } from "vitest";
import { axisLabel, axisTicks } from "./chart-ticks";

const labels = (totals: number[]) => {
  const ticks = axisTicks(Math.max(0, ...totals), "INR");
  return ticks.map((tick) => axisLabel(tick, "INR"));
};

describe("sales chart ticks", () => {
  it("reads ₹0, ₹1 with no sales, never a repeated ₹0.01", () => {
    expect(labels([])).toEqual(["₹0", "₹1"]);
    expect(labels([0, 0, 0, 0, 0, 0, 0])).toEqual(["₹0", "₹1"]);
    expect(labels([1])).toEqual(["₹0", "₹1"]);
  });

  it("steps in round amounts up to just above one day's sales", () => {
    expect(labels([49_900])).toEqual(["₹0", "₹200", "₹400", "₹600"]);
    expect(labels([100_000])).toEqual(["₹0", "₹500", "₹1,000"]);
  });

  it("keeps round steps for skewed data: one big day among tiny ones", () => {
    expect(labels([1, 5, 3, 5_000_000, 2])).toEqual(["₹0", "₹20,000", "₹40,000", "₹60,000"]);
    expect(labels([12_34_56_789])).toEqual(["₹0", "₹5,00,000", "₹10,00,000", "₹15,00,000"]);
  });

  it("gives distinct, rising ticks that cover the largest value, for any amount", () => {
    for (let max = 0; max < 3_000_000; max = max * 3 + 7) {
      const ticks = axisTicks(max, "INR");
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      const shown = ticks.map((tick) => axisLabel(tick, "INR"));
      expect(new Set(shown).size).toBe(shown.length);
    }
  });
});
