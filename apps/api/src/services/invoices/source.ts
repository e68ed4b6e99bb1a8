import type { TaxDocument, TaxDocumentKind } from "@bbscart/core";

/**
 * Where issued GST documents come from: the seam between the service that issues them (tax
 * computation, numbering, storage) and the ones that only print them (PDF, registers). Kept to
 * the two questions printing asks, so the issuing side can store documents however suits it.
 * Access is not the source's concern: the invoices service checks who may see an order first.
 */
export interface TaxDocumentSource {
  /**
   * The documents issued for an order, in issue order: its invoice (or bill of supply) first, then
   * its credit notes. Empty when none was issued yet (an order not yet confirmed), or no such order.
   */
  forOrder(orderId: string): Promise<readonly TaxDocument[]>;
  /**
   * Documents of `kinds` issued in [`from`, `to`), by issue time then number, at most `pageSize`
   * at a time: the registers stream them, so a year of documents is never in memory at once.
   */
  inRange(kinds: readonly TaxDocumentKind[], range: { readonly from: Date; readonly to: Date }, pageSize: number): AsyncIterable<readonly TaxDocument[]>;
}

/** The source until the issuing service is wired in: no order has documents, every register is empty. */
export const noTaxDocumentsYet: TaxDocumentSource = {
  forOrder: () => Promise.resolve([]),
  async *inRange() {},
};
