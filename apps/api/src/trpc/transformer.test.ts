import fc from "fast-check";
import superjson, { type SuperJSONResult } from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "./transformer.js";

/** What the web app ends up with: the response goes through JSON on the wire, then superjson.deserialize. */
const received = (serialized: unknown): unknown => superjson.deserialize(JSON.parse(JSON.stringify(serialized)) as SuperJSONResult);

/** The value the client gets, or the error serialising raised (superjson refuses `__proto__`-like keys). */
function outcome(serialize: (value: unknown) => unknown, value: unknown): { value: unknown } | { error: string } {
  try {
    return { value: received(serialize(value)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("the output transformer", () => {
  it("gives the client exactly what superjson would, for any value", () => {
    const anyValue = fc.anything({
      withDate: true,
      withBigInt: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withBoxedValues: true,
    });
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(outcome(serializeOutput, value)).toStrictEqual(outcome((v) => superjson.serialize(v), value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives the client exactly what superjson would, for plain data with dates (the fast path)", () => {
    const plainWithDates = fc.anything({ withDate: true, withNullPrototype: true, key: fc.constantFrom("a", "b.c", "d\\", "", "e\\.f") });
    fc.assert(
      fc.property(plainWithDates, (value) => {
        expect(outcome(serializeOutput, value)).toStrictEqual(outcome((v) => superjson.serialize(v), value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives the same JSON text as superjson for plain data with dates, keys with dots and undefined array items", () => {
    const value = {
      items: [{ id: "p1", "a.b\\c": 1, createdAt: new Date(0), tags: ["x", undefined], "at.x": { "y\\": new Date(1) }, price: { minor: 1999, currency: "INR" } }],
      nextCursor: null,
    };
    expect(JSON.stringify(serializeOutput(value))).toBe(JSON.stringify(superjson.serialize(value)));
  });

  it("leaves plain data in place and adds no meta when there is nothing to annotate", () => {
    const value = { items: [{ id: "p1", price: 1999, active: true }], nextCursor: null };
    const serialized = serializeOutput(value);
    expect(serialized.json).toBe(value);
    expect(serialized.meta).toBeUndefined();
  });

  it("keeps an undefined field undefined (not null) and restores dates, cycles and Maps through superjson", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(received(serializeOutput({ note: undefined, at: new Date(5) }))).toStrictEqual({ note: undefined, at: new Date(5) });
    expect(received(serializeOutput(undefined))).toBeUndefined();
    expect(received(serializeOutput(new Date(7)))).toStrictEqual(new Date(7));
    expect(received(serializeOutput(new Map([["k", 1]])))).toStrictEqual(new Map([["k", 1]]));
    expect(received(serializeOutput(cyclic))).toStrictEqual(received(superjson.serialize(cyclic)));
  });
});
