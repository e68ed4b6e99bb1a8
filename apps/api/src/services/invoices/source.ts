import type { Repositories, TaxDocument, TaxDocumentKind } from "@bbscart/core";

/**
 * Where issued GST documents come from: the seam between the issuing side (tax computation,
 * numbering and storage in `issue.ts`) and the ones that only print them (PDF, registers). Kept to
 * the two questions printing asks, so tests can hand the printers documents without issuing them.
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

/** The documents as `issueTaxDocuments` stored them, frozen at issue; pages continue after the last document seen (keyset), never by offset. */
export function issuedTaxDocuments(repos: Pick<Repositories, "taxDocuments">): TaxDocumentSource {
  return {
    async forOrder(orderId) {
      return (await repos.taxDocuments.listForOrder(orderId)).map((issued) => issued.document);
    },
    async *inRange(kinds, range, pageSize) {
      let after: { issuedAt: string; number: string } | null = null;
      for (;;) {
        const page = await repos.taxDocuments.pageIssued(kinds, range, after, pageSize);
        if (page.length === 0) return;
        yield page;
        if (page.length < pageSize) return;
        const last = page[page.length - 1]!;
        after = { issuedAt: last.issuedAt, number: last.number };
      }
    },
  };
}
