import { describe, expect, it } from "vitest";
import { creditNoteInput, taxRegisterInput } from "./gst.js";

const messages = (input: unknown) => {
  const result = taxRegisterInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("taxRegisterInput", () => {
  it("takes a range of calendar days, both ends included", () => {
    expect(taxRegisterInput.parse({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(messages({ from: "2026-11-30", to: "2026-11-30" })).toEqual([]);
  });

  it("refuses days that are not days, naming the field", () => {
    expect(messages({ from: "2026-02-31", to: "2026-03-01" })).toEqual(["from: From is not a day of the calendar"]);
    expect(messages({ from: "2026-11-01", to: "2026-13-01" })).toEqual(["to: To is not a day of the calendar"]);
    expect(messages({ from: "1 Nov 2026", to: "2026-11-30" })).toEqual(["from: From must be a date (YYYY-MM-DD)"]);
    expect(messages({ from: "2026-11-01", to: 20261130 })).toEqual(["to: To must be a date (YYYY-MM-DD)"]);
    expect(messages({ from: "2026-11-01" })).toEqual(["to: To must be a date (YYYY-MM-DD)"]);
  });

  it("refuses a range that ends before it starts", () => {
    expect(messages({ from: "2026-12-01", to: "2026-11-30" })).toEqual(["to: To must not be before From"]);
  });
});

describe("creditNoteInput", () => {
  it("takes a printed number of at most 16 characters", () => {
    expect(creditNoteInput.parse({ orderId: "o-1", number: " CN/25-26/000004 " })).toEqual({ orderId: "o-1", number: "CN/25-26/000004" });
    expect(creditNoteInput.safeParse({ orderId: "o-1", number: "CN/2025-26/0000042" }).success).toBe(false);
    expect(creditNoteInput.safeParse({ orderId: "o-1", number: "" }).success).toBe(false);
  });
});
