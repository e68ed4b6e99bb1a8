/**
 * GST documents: issuing invoices and credit notes inside the unit of work that confirms an order or
 * books a refund, and reading them back for shoppers, staff, the PDF and the exports.
 */
export { issueTaxDocuments } from "./issue.js";
export { invoicesService, type InvoicesService } from "./invoices.service.js";
