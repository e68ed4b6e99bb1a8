import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, decimalString, formatMoney, isCurrencyCode, min, minorDigits, money, multiply, subtract, sum, zero } from "./money.js";

const inr = (minor: number) => money(minor, "INR");

describe("money", () => {
  it("refuses floats, unsafe integers and malformed currencies as bugs", () => {
    expect(() => money(1.5, "INR")).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, "INR")).toThrow(RangeError);
    expect(() => money(1, "inr")).toThrow(RangeError);
  });

  it("recognises real currency codes only", () => {
    expect(isCurrencyCode("INR")).toBe(true);
    expect(isCurrencyCode("XQZ")).toBe(false);
    expect(isCurrencyCode("rupee")).toBe(false);
  });

  it("adds and subtracts in one currency, going negative when asked", () => {
    expect(add(inr(150), inr(50))).toEqual({ ok: true, value: inr(200) });
    expect(subtract(inr(50), inr(150))).toEqual({ ok: true, value: inr(-100) });
  });

  it("returns an error value when currencies are mixed", () => {
    expect(add(inr(1), money(1, "USD"))).toEqual({
      ok: false,
      error: { code: "CURRENCY_MISMATCH", expected: "INR", actual: "USD" },
    });
    expect(subtract(inr(1), money(1, "USD")).ok).toBe(false);
    expect(sum("INR", [inr(1), money(2, "USD"), inr(3)]).ok).toBe(false);
    expect(() => min(inr(1), money(1, "USD"))).toThrow(RangeError);
  });

  it("refuses to leave the safe-integer range instead of rounding", () => {
    expect(add(inr(Number.MAX_SAFE_INTEGER), inr(1))).toEqual({ ok: false, error: { code: "AMOUNT_OUT_OF_RANGE" } });
    expect(multiply(inr(Number.MAX_SAFE_INTEGER), 2).ok).toBe(false);
  });

  it("multiplies by a quantity and rejects negative or fractional quantities as bugs", () => {
    expect(multiply(inr(1999), 3)).toEqual({ ok: true, value: inr(5997) });
    expect(() => multiply(inr(1), -1)).toThrow(RangeError);
    expect(() => multiply(inr(1), 0.5)).toThrow(RangeError);
  });

  it("sums a list, the empty sum being zero", () => {
    expect(sum("INR", [])).toEqual({ ok: true, value: zero("INR") });
    expect(sum("INR", [inr(1), inr(2), inr(3)])).toEqual({ ok: true, value: inr(6) });
  });

  it("picks the smaller amount", () => {
    expect(min(inr(5), inr(3))).toEqual(inr(3));
    expect(min(inr(3), inr(5))).toEqual(inr(3));
  });

  it("knows each currency's minor digits", () => {
    expect(minorDigits("INR")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
  });

  it("formats for display without floats", () => {
    expect(formatMoney(inr(129900))).toBe("₹1,299.00");
    expect(formatMoney(inr(-5))).toBe("-₹0.05");
    expect(formatMoney(money(1500, "JPY"), "en-US")).toBe("¥1,500");
    expect(formatMoney(inr(Number.MAX_SAFE_INTEGER))).toBe("₹9,00,71,99,25,47,409.91");
  });

  it("formats each locale and currency with its own rules when they alternate (formatters are reused per pair)", () => {
    const shown = [formatMoney(inr(100_000)), formatMoney(money(100_000, "USD"), "en-US"), formatMoney(inr(100_000), "en-US"), formatMoney(inr(100_000))];
    expect(shown).toEqual(["₹1,000.00", "$1,000.00", "₹1,000.00", "₹1,000.00"]);
    expect(formatMoney(money(12_345_678, "INR"))).toBe("₹1,23,456.78");
    expect(formatMoney(money(12_345_678, "INR"), "en-US")).toBe("₹123,456.78");
  });

  it("writes a machine-readable decimal in major units without floats", () => {
    expect(decimalString(inr(129900))).toBe("1299.00");
    expect(decimalString(inr(-5))).toBe("-0.05");
    expect(decimalString(money(1500, "JPY"))).toBe("1500");
    expect(decimalString(money(250, "KWD"))).toBe("0.250");
    expect(decimalString(inr(Number.MAX_SAFE_INTEGER))).toBe("90071992547409.91");
  });

  it("addition is commutative and subtract undoes add (property)", () => {
    const amount = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(add(inr(a), inr(b))).toEqual(add(inr(b), inr(a)));
        const total = add(inr(a), inr(b));
        expect(total.ok && subtract(total.value, inr(b))).toEqual({ ok: true, value: inr(a) });
      }),
    );
  });
});
