import {
  buildCreditNote,
  buildInvoice,
  creditedItems,
  documentNumber,
  documentsDue,
  documentSeries,
  expectOk,
  financialYear,
  invoiceKind,
  type CatalogEntry,
  type Order,
  type Repositories,
  type StoreSettings,
  type TaxDocumentKind,
} from "@bbscart/core";
import { loadSettings } from "../common/index.js";

/** The next number of `kind`'s series for the financial year of `now`, from its guarded counter. */
async function nextDocumentNumber(repos: Repositories, kind: TaxDocumentKind, settings: { tax: { invoicePrefix: string }; timeZone: string }, now: Date): Promise<string> {
  const series = documentSeries(kind, settings.tax.invoicePrefix, financialYear(now, settings.timeZone));
  return documentNumber(series, await repos.taxDocuments.nextNumber(series));
}

/**
 * Issues what a saved change of an order calls for (core's `documentsDue`), inside the unit of work
 * that saves it (decision record 150): the invoice when the order is first confirmed, a credit note
 * per refund that succeeded. Numbers come from the series' counter in this same unit of work, so a
 * change that rolls back gives its numbers back and none is skipped. Orders confirmed before GST
 * documents existed have no invoice, and their refunds no credit note.
 */
export async function issueTaxDocuments(
  repos: Repositories,
  change: { before: Order | null; after: Order },
  now: Date,
  /** What the caller read in this unit of work (checkout: the cart's review): the settings, and the entries of the order's lines. */
  read?: { settings: StoreSettings; entries: ReadonlyMap<string, CatalogEntry> },
): Promise<void> {
  const due = documentsDue(change.before, change.after);
  if (!due.invoice && due.creditNotes.length === 0) return;
  const order = change.after;
  const settings = read?.settings ?? (await loadSettings(repos));
  if (due.invoice) {
    const kind = invoiceKind(settings.tax);
    const entries = read?.entries ?? (await repos.products.findEntries(order.lines.map((line) => line.variantId)));
    // The codes in the catalog now, frozen into the document: a later edit of a product does not reach an issued invoice.
    const hsnByProduct = new Map([...entries.values()].map(({ product }) => [product.id, product.hsnCode ?? null]));
    const number = await nextDocumentNumber(repos, kind, settings, now);
    await repos.taxDocuments.issue({ orderId: order.id, refundId: null, document: buildInvoice({ order, tax: settings.tax, storeName: settings.storeName, hsnByProduct, number, issuedAt: now }) });
  }
  if (due.creditNotes.length === 0) return;
  const issued = await repos.taxDocuments.listForOrder(order.id);
  const invoice = issued.find((d) => d.document.kind !== "credit-note")?.document;
  if (!invoice) return;
  const prior = issued.filter((d) => d.document.kind === "credit-note").map((d) => d.document);
  for (const refund of due.creditNotes) {
    const number = await nextDocumentNumber(repos, "credit-note", settings, now);
    // Refunds never exceed what was captured, nor captures the invoiced total: a refusal here is a bug.
    const note = expectOk(buildCreditNote({ invoice, prior, amountMinor: refund.amount.minor, items: creditedItems(order, refund.id), number, issuedAt: now }), "issueTaxDocuments");
    await repos.taxDocuments.issue({ orderId: order.id, refundId: refund.id, document: note });
    prior.push(note);
  }
}
