import type { IssuedTaxDocument, TaxDocumentRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { COUNTERS_COLLECTION } from "../models/orders.js";
import { taxDocumentUniqueIndexes, type TaxDocumentDoc } from "../models/tax-documents.js";
import type { RepoContext } from "./context.js";

const toIssued = (doc: TaxDocumentDoc): IssuedTaxDocument => ({ orderId: doc.orderId, refundId: doc.refundId, document: doc.document });

export function taxDocumentRepository({ models: { taxDocuments }, session }: RepoContext): TaxDocumentRepository {
  return {
    async nextNumber(series) {
      // One counter document per series and year, `$inc`ed in the issuing transaction (decision record 150):
      // concurrent confirmations conflict on it and MongoDB re-runs the loser, so numbers stay consecutive.
      const counters = taxDocuments.db.collection<{ _id: string; value: number }>(COUNTERS_COLLECTION);
      const counter = await counters.findOneAndUpdate({ _id: `tax:${series}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: "after", session });
      if (!counter) throw new Error(`the counter of series ${series} is missing right after its upsert`);
      return counter.value;
    },
    async issue({ orderId, refundId, document }) {
      const doc: TaxDocumentDoc = { _id: document.number, orderId, refundId, kind: document.kind, issuedAt: document.issuedAt, document };
      await translateDuplicateKey(taxDocumentUniqueIndexes, () => taxDocuments.insertMany([doc], { session }));
    },
    async listForOrder(orderId) {
      // Issue time, then number: an invoice and its credit notes as they were booked.
      const docs = await taxDocuments.find({ orderId }, null, { session }).sort({ issuedAt: 1, _id: 1 }).lean<TaxDocumentDoc[]>();
      return docs.map(toIssued);
    },
    async findByNumber(number) {
      const doc = await taxDocuments.findById(number, null, { session }).lean<TaxDocumentDoc>();
      return doc && toIssued(doc);
    },
    async pageIssued(kinds, range, after, limit) {
      // issuedAt is ISO 8601 in UTC throughout, so string order is time order; `_id` is the number.
      const within = { $gte: range.from.toISOString(), $lt: range.to.toISOString() };
      const filter = after
        ? { kind: { $in: kinds }, issuedAt: within, $or: [{ issuedAt: { $gt: after.issuedAt } }, { issuedAt: after.issuedAt, _id: { $gt: after.number } }] }
        : { kind: { $in: kinds }, issuedAt: within };
      const docs = await taxDocuments.find(filter, null, { session }).sort({ issuedAt: 1, _id: 1 }).limit(limit).lean<TaxDocumentDoc[]>();
      return docs.map((doc) => doc.document);
    },
  };
}
