import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { defaultTaxSettings } from "../gst/tax-settings.js";
import { buyerInput, creditNoteInput, gstin, hsnCode, taxRegisterInput, taxSettingsInput } from "./gst.js";

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

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("GST schemas", () => {
  it("say which part of a GSTIN is wrong", () => {
    const field = gstin("GSTIN");
    expect(field.parse("27aapfu0939f1zv")).toBe("27AAPFU0939F1ZV");
    expect(messagesOf(field, "27AAPFU0939F1Z")).toEqual(["GSTIN must be 15 characters"]);
    expect(messagesOf(field, "00AAPFU0939F1ZV")).toEqual(["GSTIN must start with a GST state code (01–38)"]);
    expect(messagesOf(field, "27AAPF00939F1ZV")).toEqual(["GSTIN characters 3–12 must be a PAN (five letters, four digits, one letter)"]);
    expect(messagesOf(field, "27AAPFU0939F0ZV")).toEqual(["GSTIN character 13 must be 1–9 or A–Z"]);
    expect(messagesOf(field, "27AAPFU0939F1AV")).toEqual(["GSTIN character 14 must be Z"]);
    expect(messagesOf(field, "27AAPFU0939F1ZA")).toEqual(["GSTIN has a wrong check character (the 15th): look for a typing error"]);
    expect(messagesOf(field, 27)).toEqual(["GSTIN must be text"]);
  });

  it("accept HSN and SAC codes of 4, 6 or 8 digits only", () => {
    expect(hsnCode("HSN/SAC code").parse(" 1006 ")).toBe("1006");
    expect(hsnCode("HSN/SAC code").parse("996812")).toBe("996812");
    expect(hsnCode("HSN/SAC code").parse("10063010")).toBe("10063010");
    expect(messagesOf(hsnCode("HSN/SAC code"), "10063")).toEqual(["HSN/SAC code must be 4, 6 or 8 digits"]);
  });

  it("parse tax settings and a business buyer, naming bad fields", () => {
    expect(taxSettingsInput.parse({ ...defaultTaxSettings, invoicePrefix: " inv " })).toEqual(defaultTaxSettings);
    expect(taxSettingsInput.parse({ ...defaultTaxSettings, stateCode: "Karnataka", legalName: undefined }).stateCode).toBe("KA");
    expect(messagesOf(taxSettingsInput, { ...defaultTaxSettings, slabsBp: [], deliveryRateBp: 10_001 })).toEqual(["GST rates must list at least one rate", "Delivery GST rate % must be at most 100"]);
    expect(buyerInput.parse({ gstin: "27AAPFU0939F1ZV", businessName: " Asha Traders " })).toEqual({ gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" });
    expect(messagesOf(buyerInput, { gstin: "x", businessName: "" })).toEqual(["Business GSTIN must be 15 characters", "Business name is required"]);
  });
});
