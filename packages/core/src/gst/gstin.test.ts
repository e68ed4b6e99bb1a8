import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gstinCheckCharacter, gstinStateCode, parseGstin } from "./gstin.js";

const problem = (input: string) => {
  const parsed = parseGstin(input);
  return parsed.ok ? null : parsed.error.problem;
};

describe("parseGstin", () => {
  it("accepts published GSTINs and normalises case and spaces", () => {
    expect(parseGstin("27AAPFU0939F1ZV")).toEqual({ ok: true, value: "27AAPFU0939F1ZV" });
    expect(parseGstin(" 29aagcb7383j1z4 ")).toEqual({ ok: true, value: "29AAGCB7383J1Z4" });
    expect(gstinStateCode("27AAPFU0939F1ZV")).toBe("27");
  });

  it("names the first part that is wrong", () => {
    expect(problem("27AAPFU0939F1Z")).toBe("length");
    expect(problem("27AAPFU0939F1ZVX")).toBe("length");
    expect(problem("25AAPFU0939F1ZV")).toBe("state"); // 25 (Daman and Diu) merged into 26 in 2020
    expect(problem("99AAPFU0939F1ZV")).toBe("state");
    expect(problem("27AAPF10939F1ZV")).toBe("pan");
    expect(problem("27AAPFU093XF1ZV")).toBe("pan");
    expect(problem("27AAPFU09391F1Z")).toBe("pan");
    expect(problem("27AAPFU0939F0ZV")).toBe("entity");
    expect(problem("27AAPFU0939F1YV")).toBe("z");
    expect(problem("27AAPFU0939F1ZW")).toBe("check");
  });

  it("refuses a check character computed from anything but valid characters", () => {
    expect(() => gstinCheckCharacter("27aapfu0939f1z")).toThrow(RangeError);
  });

  it("detects every single-character change of the check (property)", () => {
    const valid = "27AAPFU0939F1ZV";
    fc.assert(
      fc.property(fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), (c) => {
        const changed = valid.slice(0, 14) + c;
        expect(parseGstin(changed).ok).toBe(c === "V");
      }),
    );
  });

  it("accepts any well-shaped number carrying its computed check character (property)", () => {
    const letters = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    const digit = fc.constantFrom(..."0123456789");
    const body = fc.tuple(fc.constantFrom("07", "29", "33", "38"), fc.array(letters, { minLength: 5, maxLength: 5 }), fc.array(digit, { minLength: 4, maxLength: 4 }), letters, fc.constantFrom(..."123456789ABZ"));
    fc.assert(
      fc.property(body, ([state, a, d, l, entity]) => {
        const first14 = `${state}${a.join("")}${d.join("")}${l}${entity}Z`;
        expect(parseGstin(first14 + gstinCheckCharacter(first14))).toEqual({ ok: true, value: first14 + gstinCheckCharacter(first14) });
      }),
    );
  });
});
