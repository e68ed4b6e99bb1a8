import { Schema } from "mongoose";
import { TAX_DOCUMENT_KINDS, type TaxDocument } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable } from "./shared.js";

/**
 * An issued invoice, bill of supply or credit note: `_id` is its number. `document` is stored whole
 * as issued (decision record 150); `kind` and `refundId` sit beside it for the unique rules.
 */
export interface TaxDocumentDoc {
  _id: string;
  orderId: string;
  refundId: string | null;
  kind: TaxDocument["kind"];
  issuedAt: string;
  document: TaxDocument;
}

export const taxDocumentSchema = new Schema<TaxDocumentDoc>(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    refundId: nullable(String),
    kind: { type: String, required: true, enum: TAX_DOCUMENT_KINDS },
    issuedAt: { type: String, required: true },
    // Frozen figures, written once and read whole; core's type is their schema.
    document: { type: Schema.Types.Mixed, required: true },
  },
  collectionOptions("tax_documents"),
);
taxDocumentSchema.index({ orderId: 1, issuedAt: 1, _id: 1 }, { name: "order" });
// The registers page through a date range by issue time then number.
taxDocumentSchema.index({ issuedAt: 1, _id: 1 }, { name: "issued" });
taxDocumentSchema.index({ orderId: 1 }, { name: "order_invoice", unique: true, partialFilterExpression: { kind: { $in: TAX_DOCUMENT_KINDS.filter((kind) => kind !== "credit-note") } } });
taxDocumentSchema.index({ refundId: 1 }, { name: "refund", unique: true, partialFilterExpression: { refundId: { $type: "string" } } });

export const taxDocumentUniqueIndexes: UniqueIndexNames = { _id_: "tax_documents.number", order_invoice: "tax_documents.order_invoice", refund: "tax_documents.refund" };
