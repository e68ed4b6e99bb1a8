import { TAX_DOCUMENT_KINDS } from "@bbscart/core";
import { z } from "zod";

/** An order's GST documents, as its page lists them: the invoice (or bill of supply) first, then credit notes. */
export const orderDocumentsOutput = z
  .array(
    z.object({
      kind: z.enum(TAX_DOCUMENT_KINDS).meta({ id: "TaxDocumentKind" }),
      number: z.string().meta({ description: "As printed, e.g. INV/25-26/000123: consecutive within its series and financial year." }),
      issuedAt: z.string().meta({ format: "date-time" }),
      totalMinor: z.number().int().meta({ description: "The document's total in minor units (paise)." }),
      currency: z.string(),
    }),
  )
  .meta({ id: "OrderDocuments" });

/**
 * A PDF over tRPC: base64 text with its file name. Over REST the same procedure answers the
 * bytes themselves as `application/pdf` (its `rest({ file })` meta), which is what the document
 * declares; this shape is never seen there.
 */
export const documentFileOutput = z.object({
  filename: z.string(),
  contentType: z.literal("application/pdf"),
  base64: z.string(),
});
