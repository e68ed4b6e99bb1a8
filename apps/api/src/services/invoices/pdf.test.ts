import { describe, expect, it } from "vitest";
import { businessBuyer, defaultLines, homeBuyer, makeTaxDocument, readPdf, seller } from "../../../test/tax-documents.js";
import { renderTaxDocumentPdf } from "./pdf.js";

const codePoints = (text: string) => [...text.replace(/\s/g, "")].sort().join("");

describe("renderTaxDocumentPdf", () => {
  it("prints an intra-state invoice's GSTIN, number, HSN codes and the CGST/SGST split in rupees", async () => {
    const doc = makeTaxDocument();
    const { pages } = await readPdf(await renderTaxDocumentPdf(doc));
    const text = pages.join("\n");
    expect(pages).toHaveLength(1);
    expect(text).toContain("Tax Invoice");
    expect(text).toContain(`GSTIN: ${seller.gstin}`);
    expect(text).toContain("INV/25-26/000123");
    expect(text).toContain("BB-2611-4821");
    expect(text).toContain("Karnataka (29)");
    for (const line of defaultLines) expect(text).toContain(line.hsnOrSac);
    // The kurta at 5 %: 11,905 paise of tax, the odd paisa to CGST; the totals are the lines' sums.
    expect(text).toContain("₹59.53");
    expect(text).toContain("₹59.52");
    expect(text).toMatch(/CGST\s+₹139\.62/);
    expect(text).toMatch(/SGST\s+₹139\.60/);
    expect(text).toMatch(/Invoice total\s+₹3,550\.00/);
    expect(text).not.toContain("IGST");
    expect(text).toContain("Rupees Three Thousand Five Hundred Fifty Only");
    expect(text).toContain("Whether tax is payable on reverse charge: No");
  });

  it("prints an inter-state B2B invoice with the buyer's GSTIN and IGST only", async () => {
    const doc = makeTaxDocument({ buyer: businessBuyer });
    const text = (await readPdf(await renderTaxDocumentPdf(doc))).pages.join("\n");
    expect(text).toContain(`GSTIN: ${businessBuyer.gstin}`);
    expect(text).toContain("Maharashtra (27)");
    expect(text).toMatch(/IGST\s+₹279\.22/);
    expect(text).toContain("₹119.05");
    expect(text).not.toMatch(/CGST|SGST/);
  });

  it("prints a credit note with the invoice it refers to", async () => {
    const text = (await readPdf(await renderTaxDocumentPdf(makeTaxDocument({ kind: "credit-note" })))).pages.join("\n");
    expect(text).toContain("Credit Note");
    expect(text).toContain("CN/25-26/000004");
    expect(text).toMatch(/Refers to invoice\s+INV\/25-26\/000123 dated 10 Nov 2026/);
    expect(text).toMatch(/Total credited\s+₹3,550\.00/);
  });

  it("prints a bill of supply without tax columns or a seller GSTIN, and says why", async () => {
    const text = (await readPdf(await renderTaxDocumentPdf(makeTaxDocument({ kind: "bill-of-supply" })))).pages.join("\n");
    expect(text).toContain("Bill of Supply");
    expect(text).toContain("not registered under GST");
    expect(text).not.toMatch(/GSTIN|CGST|SGST|IGST/);
    expect(text).toMatch(/Invoice total\s+₹3,270\.78/);
  });

  it("embeds a Devanagari name as shaped glyphs that map back to every letter of it", async () => {
    const text = (await readPdf(await renderTaxDocumentPdf(makeTaxDocument()))).pages.join("\n");
    // Shaping reorders glyphs (the i-matra is drawn before its consonant), so extraction gives
    // the visual order; the same code points, each mapped back through the font's ToUnicode map.
    const devanagari = [...text].filter((c) => /[\u0900-\u097F]/.test(c)).sort().join("");
    expect(devanagari).toBe(codePoints(homeBuyer.name));
  });

  it("renders the same document to the same bytes, with its dates taken from issuedAt", async () => {
    const doc = makeTaxDocument();
    const [first, second] = await Promise.all([renderTaxDocumentPdf(doc), renderTaxDocumentPdf(structuredClone(doc))]);
    expect(first.equals(second)).toBe(true);
    const { info } = await readPdf(first);
    expect(info.CreationDate).toBe("D:20261114093000Z");
    expect(info.Title).toBe("Tax Invoice INV/25-26/000123");

    const later = await renderTaxDocumentPdf({ ...doc, issuedAt: "2026-11-15T09:30:00.000Z" });
    expect(later.equals(first)).toBe(false);
  });

  it("continues a long invoice on further pages, every line printed once", async () => {
    const lines = Array.from({ length: 70 }, (_, index) => ({ description: `Item ${index + 1} with a long enough description to wrap across two lines of its cell`, hsnOrSac: String(610_000 + index), quantity: 1, taxableMinor: 10_000 + index, rateBp: 1200 }));
    const { pages } = await readPdf(await renderTaxDocumentPdf(makeTaxDocument({ lines })));
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join("\n");
    for (const line of lines) expect(text.split(line.hsnOrSac).length - 1).toBe(1);
    expect(pages.at(-1)).toContain("Amount in words");
  });

  it("refuses a document whose issuedAt is not a date", async () => {
    await expect(renderTaxDocumentPdf(makeTaxDocument({ issuedAt: "14/11/2026" }))).rejects.toThrow(/not a date/);
  });
});
