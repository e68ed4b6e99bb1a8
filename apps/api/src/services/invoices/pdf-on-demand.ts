import type { TaxDocument } from "@bbscart/core";

/**
 * {@link import("./pdf.js").renderTaxDocumentPdf}, with pdfkit and fontkit (~23 MiB resident)
 * loaded by the first document rather than at start-up: invoices are downloaded rarely next to
 * catalog reads (decision 106). Node caches the module, so only the first call pays the load.
 */
export async function renderTaxDocumentPdf(doc: TaxDocument): Promise<Buffer> {
  const pdf = await import("./pdf.js");
  return pdf.renderTaxDocumentPdf(doc);
}
