import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { defaultTaxSettings } from "../gst/tax-settings.js";
import { buyerInput, gstin, hsnCode, taxSettingsInput } from "./gst.js";

const messages = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("GST schemas", () => {
  it("say which part of a GSTIN is wrong", () => {
    const field = gstin("gstin");
    expect(field.parse("27aapfu0939f1zv")).toBe("27AAPFU0939F1ZV");
    expect(messages(field, "27AAPFU0939F1Z")).toEqual(["gstin must be 15 characters"]);
    expect(messages(field, "00AAPFU0939F1ZV")).toEqual(["gstin must start with a GST state code (01–38)"]);
    expect(messages(field, "27AAPF00939F1ZV")).toEqual(["gstin characters 3–12 must be a PAN (five letters, four digits, one letter)"]);
    expect(messages(field, "27AAPFU0939F0ZV")).toEqual(["gstin character 13 must be 1–9 or A–Z"]);
    expect(messages(field, "27AAPFU0939F1AV")).toEqual(["gstin character 14 must be Z"]);
    expect(messages(field, "27AAPFU0939F1ZA")).toEqual(["gstin has a wrong check character (the 15th): look for a typing error"]);
    expect(messages(field, 27)).toEqual(["gstin must be text"]);
  });

  it("accept HSN and SAC codes of 4, 6 or 8 digits only", () => {
    expect(hsnCode("hsnCode").parse(" 1006 ")).toBe("1006");
    expect(hsnCode("hsnCode").parse("996812")).toBe("996812");
    expect(hsnCode("hsnCode").parse("10063010")).toBe("10063010");
    expect(messages(hsnCode("hsnCode"), "10063")).toEqual(["hsnCode must be an HSN or SAC code of 4, 6 or 8 digits"]);
  });

  it("parse tax settings and a business buyer, naming bad fields", () => {
    expect(taxSettingsInput.parse({ ...defaultTaxSettings, invoicePrefix: " inv " })).toEqual(defaultTaxSettings);
    expect(taxSettingsInput.parse({ ...defaultTaxSettings, stateCode: "Karnataka", legalName: undefined }).stateCode).toBe("KA");
    expect(messages(taxSettingsInput, { ...defaultTaxSettings, slabsBp: [], deliveryRateBp: 10_001 })).toEqual(["slabsBp must list at least one rate", "deliveryRateBp must be at most 10000"]);
    expect(buyerInput.parse({ gstin: "27AAPFU0939F1ZV", businessName: " Asha Traders " })).toEqual({ gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" });
    expect(messages(buyerInput, { gstin: "x", businessName: "" })).toEqual(["buyer.gstin must be 15 characters", "buyer.businessName is required"]);
  });
});
