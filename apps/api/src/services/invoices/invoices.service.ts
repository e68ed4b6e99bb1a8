import type { DatabaseHandle, TaxDocument } from "@bbscart/core";
import { notFound } from "../common/index.js";
import { renderTaxDocumentPdf } from "./pdf-on-demand.js";
import { indianDayRange, REGISTER_KINDS, registerCsv, type RegisterName } from "./register.js";
import type { TaxDocumentSource } from "./source.js";

/**
 * Who asks for an order's documents: its owner, or staff who may manage orders (the router
 * decides `staff` by the same admin rule as the admin procedures). Anyone else is told the order
 * does not exist, so order ids cannot be probed.
 */
export interface DocumentViewer {
  readonly userId: string;
  readonly staff: boolean;
}

/** A document as a file: what the REST surface sends as `application/pdf` and tRPC as base64. */
export interface DocumentFile {
  readonly filename: string;
  readonly contentType: "application/pdf";
  readonly base64: string;
}

/** `INV/25-26/000123` → `INV-25-26-000123.pdf`: the number as a file name on every system. */
function filenameOf(doc: TaxDocument): string {
  return `${doc.number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;
}

/**
 * Serving the GST documents `issueTaxDocuments` stored (through `taxDocuments`): an order's invoice and credit notes as
 * PDF for its owner and staff, and the accountant's registers as streamed CSV.
 */
export function invoicesService({ db, taxDocuments }: { db: DatabaseHandle; taxDocuments: TaxDocumentSource }) {
  /** The order's documents, once the viewer may see the order; NOT_FOUND otherwise, exactly as for no order. */
  async function documentsOf(viewer: DocumentViewer, orderId: string): Promise<readonly TaxDocument[]> {
    const order = await db.repos.orders.findById(orderId);
    if (!order || (order.userId !== viewer.userId && !viewer.staff)) throw notFound("Order");
    return taxDocuments.forOrder(orderId);
  }

  async function fileOf(doc: TaxDocument | undefined, what: string): Promise<DocumentFile> {
    if (!doc) throw notFound(what);
    return { filename: filenameOf(doc), contentType: "application/pdf", base64: (await renderTaxDocumentPdf(doc)).toString("base64") };
  }

  return {
    /** The order's documents exactly as issued (every figure the PDF prints), for its page's download links and for API clients. */
    async list(viewer: DocumentViewer, orderId: string): Promise<{ orderId: string; documents: readonly TaxDocument[] }> {
      return { orderId, documents: await documentsOf(viewer, orderId) };
    },

    /** The order's invoice, or its bill of supply when the shop had no GSTIN when it was issued. */
    async invoicePdf(viewer: DocumentViewer, orderId: string): Promise<DocumentFile> {
      const documents = await documentsOf(viewer, orderId);
      return fileOf(documents.find((doc) => doc.kind !== "credit-note"), "Invoice");
    },

    async creditNotePdf(viewer: DocumentViewer, orderId: string, number: string): Promise<DocumentFile> {
      const documents = await documentsOf(viewer, orderId);
      return fileOf(documents.find((doc) => doc.kind === "credit-note" && doc.number === number), "Credit note");
    },

    /** A register for the days from `range.from` to `range.to` (IST calendar days, both included), as CSV chunks. */
    register(name: RegisterName, range: { readonly from: string; readonly to: string }, pageSize: number): AsyncGenerator<string> {
      return registerCsv(name, taxDocuments.inRange(REGISTER_KINDS[name], indianDayRange(range), pageSize));
    },
  };
}

export type InvoicesService = ReturnType<typeof invoicesService>;
