import fc from "fast-check";
import { addDays } from "@bbscart/core";
import { describe, expect, it } from "vitest";
import { splitIntoWeeks } from "./rollups.js";

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) out.push(day);
  return out;
};
const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

describe("splitIntoWeeks", () => {
  it("covers [from, to) exactly once: days before, whole Monday-first weeks, days after", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 120 }), (start, length) => {
        const from = addDays("2020-01-01", start);
        const to = addDays(from, length);
        const { weeks, before, after } = splitIntoWeeks(from, to);
        expect([...days(...before), ...days(...weeks), ...days(...after)]).toEqual(days(from, to));
        if (weeks[0] < weeks[1]) {
          expect(isMonday(weeks[0]) && isMonday(weeks[1])).toBe(true);
          // Every whole week in the period is read as a week: what is left at either end is under 7 days.
          expect(days(...before).length).toBeLessThan(7);
          expect(days(...after).length).toBeLessThan(7);
        } else {
          expect(days(...before)).toEqual(days(from, to));
        }
      }),
    );
  });

  it("reads 30 days ending Sunday 6 Dec 2026 as 4 weeks and 2 days", () => {
    expect(splitIntoWeeks("2026-11-07", "2026-12-07")).toEqual({ before: ["2026-11-07", "2026-11-09"], weeks: ["2026-11-09", "2026-12-07"], after: ["2026-12-07", "2026-12-07"] });
  });
});
