import { describe, expect, it } from "vitest";
import { addressFixes, INDIAN_STATES, isPinCode, normalizePhone, stateCodeFor } from "./india.js";

describe("the list of states and union territories", () => {
  it("has 36 entries with unique codes, unique names and unique two-digit GST codes", () => {
    expect(INDIAN_STATES).toHaveLength(36);
    expect(new Set(INDIAN_STATES.map((s) => s.code)).size).toBe(36);
    expect(new Set(INDIAN_STATES.map((s) => s.name)).size).toBe(36);
    expect(new Set(INDIAN_STATES.map((s) => s.gst)).size).toBe(36);
    for (const s of INDIAN_STATES) {
      expect(s.code).toMatch(/^[A-Z]{2}$/);
      expect(s.gst).toMatch(/^[0-9]{2}$/);
    }
  });

  it("carries the current GST codes: Ladakh 38, the merged Dadra and Nagar Haveli and Daman and Diu 26, no retired 25 or 28", () => {
    const gst = (name: string) => INDIAN_STATES.find((s) => s.name === name)?.gst;
    expect(gst("Ladakh")).toBe("38");
    expect(gst("Dadra and Nagar Haveli and Daman and Diu")).toBe("26");
    expect(gst("Karnataka")).toBe("29");
    expect(gst("Andhra Pradesh")).toBe("37");
    expect(INDIAN_STATES.map((s) => s.gst)).not.toContain("25");
    expect(INDIAN_STATES.map((s) => s.gst)).not.toContain("28");
  });

  it("reads codes, names in any case, '&' and former names; nothing else", () => {
    expect(stateCodeFor("KA")).toBe("KA");
    expect(stateCodeFor(" ka ")).toBe("KA");
    expect(stateCodeFor("karnataka")).toBe("KA");
    expect(stateCodeFor("TAMIL NADU")).toBe("TN");
    expect(stateCodeFor("Jammu & Kashmir")).toBe("JK");
    expect(stateCodeFor("Orissa")).toBe("OD");
    expect(stateCodeFor("New Delhi")).toBe("DL");
    expect(stateCodeFor("Karnatka")).toBeNull();
    expect(stateCodeFor("Bangalore")).toBeNull();
    expect(stateCodeFor("")).toBeNull();
  });
});

describe("PIN codes", () => {
  it("are 6 digits, the first 1–9", () => {
    expect(isPinCode("560001")).toBe(true);
    expect(isPinCode("110001")).toBe(true);
    expect(isPinCode("5600")).toBe(false);
    expect(isPinCode("056001")).toBe(false);
    expect(isPinCode("5600011")).toBe(false);
    expect(isPinCode("56A001")).toBe(false);
  });
});

describe("phone numbers", () => {
  it("become E.164 with +91 when none is given", () => {
    for (const input of ["+91 98765 43210", "098765 43210", "9876543210", "91 98765-43210", "(+91) 98765 43210", "+919876543210"]) {
      expect(normalizePhone(input)).toBe("+919876543210");
    }
  });

  it("keep another country's E.164 number", () => {
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
  });

  it("refuse what is not a 10-digit Indian mobile number", () => {
    for (const input of ["12345", "5876543210", "98765432101", "+91 5876543210", "044 2222 333", "phone", "+", ""]) {
      expect(normalizePhone(input)).toBeNull();
    }
  });
});

describe("addressFixes", () => {
  const good = { state: "KA", postalCode: "560001", phone: "+919876543210", country: "IN" };
  it("is empty for a deliverable address", () => {
    expect(addressFixes(good)).toEqual([]);
  });
  it("names a 4-digit PIN, a free-text state and a bad phone saved before the rules", () => {
    expect(addressFixes({ ...good, postalCode: "5600" })).toEqual(["postalCode"]);
    expect(addressFixes({ ...good, state: "Bangalore" })).toEqual(["state"]);
    expect(addressFixes({ ...good, state: "Karnataka", postalCode: "5600", phone: "123" })).toEqual(["state", "postalCode", "phone"]);
  });
});
