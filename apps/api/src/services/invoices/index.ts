/** GST documents as the shopper, staff and the accountant receive them: PDF files and GSTR-1-friendly registers. */
export { invoicesService, type DocumentFile, type DocumentSummary, type DocumentViewer, type InvoicesService } from "./invoices.service.js";
export { renderTaxDocumentPdf } from "./pdf.js";
export { REGISTER_KINDS, registerCsv, type RegisterName } from "./register.js";
export { noTaxDocumentsYet, type TaxDocumentSource } from "./source.js";
