/**
 * GST documents: issuing invoices and credit notes inside the unit of work that confirms an order or
 * books a refund, and serving them as the shopper, staff and the accountant receive them: the
 * documents as issued, PDF files and GSTR-1-friendly registers.
 */
export { issueTaxDocuments } from "./issue.js";
export { invoicesService, type DocumentFile, type DocumentViewer, type InvoicesService } from "./invoices.service.js";
export { renderTaxDocumentPdf } from "./pdf-on-demand.js";
export { REGISTER_KINDS, registerCsv, type RegisterName } from "./register.js";
export { issuedTaxDocuments, type TaxDocumentSource } from "./source.js";
