import { describe, expect, it } from "vitest";
import { amountText, parseAmount, parseScaled } from "./amount";

describe("parseAmount", () => {
  it("reads rupees and paise as integer paise, without floats", () => {
    expect(parseAmount("1,299.5", "INR")).toBe(129950);
    expect(parseAmount("0.07", "INR")).toBe(7);
    expect(parseAmount("12", "INR")).toBe(1200);
    expect(parseAmount("1.10", "INR")).toBe(110);
  });

  it("refuses what is not an amount, more decimals than the currency has, and a sign unless asked", () => {
    expect(parseAmount("", "INR")).toBeNull();
    expect(parseAmount("1.234", "INR")).toBeNull();
    expect(parseAmount("abc", "INR")).toBeNull();
    expect(parseAmount("-5", "INR")).toBeNull();
    expect(parseAmount("-5", "INR", { signed: true })).toBe(-500);
    expect(parseAmount("5.5", "JPY")).toBeNull();
  });

  it("round-trips with amountText", () => {
    for (const minor of [0, 7, 129950, -2500]) expect(parseAmount(amountText(minor, "INR"), "INR", { signed: true })).toBe(minor);
    expect(amountText(500, "JPY")).toBe("500");
  });
});

describe("parseScaled", () => {
  it("reads a percentage as basis points", () => {
    expect(parseScaled("18", 2)).toBe(1800);
    expect(parseScaled("12.5", 2)).toBe(1250);
    expect(parseScaled("12.555", 2)).toBeNull();
  });
});
