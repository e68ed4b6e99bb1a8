import { describe, expect, it } from "vitest";
import { TAX_DOCUMENT_KINDS } from "./document.js";

describe("TAX_DOCUMENT_KINDS", () => {
  it("names each kind a document can be, once", () => {
    expect([...TAX_DOCUMENT_KINDS].sort()).toEqual(["bill-of-supply", "credit-note", "tax-invoice"]);
  });
});
