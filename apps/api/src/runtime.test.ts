import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { timeOrderedIds, timeOrderedUuid } from "./runtime.js";

/** RFC 9562's layout for version 7: 48 bits of time, version 7, 12 random bits, variant 10, 62 random bits. */
const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe("time-ordered ids (decision 172)", () => {
  it("are version 7 UUIDs carrying their millisecond and the random UUID's 74 random bits", () => {
    const ms = Date.parse("2026-12-07T10:15:30.123Z");
    const random = randomUUID();
    const id = timeOrderedUuid(ms, random);
    expect(id).toMatch(VERSION_7);
    expect(timeOf(id)).toBe(ms);
    // The random UUID's bits after its version nibble, its variant and all that follows, unchanged.
    expect(id.slice(15)).toBe(random.slice(15));
    expect(timeOrderedUuid(0, random).slice(0, 13)).toBe("00000000-0000");
    expect(timeOrderedUuid(2 ** 48 - 1, random)).toMatch(VERSION_7);
  });

  it("sort as text in the order they were made, a millisecond apart or more", () => {
    const start = Date.parse("2026-12-07T10:15:30.000Z");
    const made = Array.from({ length: 2_000 }, (_, i) => timeOrderedUuid(start + i, randomUUID()));
    expect([...made].sort()).toEqual(made);
    expect(timeOrderedUuid(0xffffffff, randomUUID()) < timeOrderedUuid(0x100000000, randomUUID())).toBe(true);
  });

  it("never repeat within one millisecond, and never share their random part", () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedIds.next());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(15))).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(VERSION_7);
    const now = Date.now();
    expect(Math.abs(timeOf(ids.at(-1)!) - now)).toBeLessThan(5_000);
  });
});
