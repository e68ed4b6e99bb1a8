/**
 * What a GST tax invoice, bill of supply or credit note prints: the final, computed figures.
 * Renderers (the PDF, the GSTR-1 register) only lay this shape out and never compute tax, so a
 * document reads the same in every format it is issued in.
 */

export const TAX_DOCUMENT_KINDS = ["tax-invoice", "bill-of-supply", "credit-note"] as const;
export type TaxDocumentKind = (typeof TAX_DOCUMENT_KINDS)[number];

/** Intra-state supplies carry CGST + SGST, inter-state ones IGST. */
export const SUPPLY_KINDS = ["intra-state", "inter-state"] as const;

export interface TaxParty {
  /** Legal name for the seller; the shopper's or business's name for the buyer. */
  readonly name: string;
  /** Registered buyers and a seller with a GSTIN print it; null otherwise. */
  readonly gstin: string | null;
  /** Printable address lines, in order. */
  readonly addressLines: readonly string[];
  /** Two-digit GST state code ("29") and the state's name. */
  readonly stateGstCode: string;
  readonly stateName: string;
}

export interface TaxDocumentLine {
  readonly description: string;
  /** HSN for goods, SAC for services (delivery is a service line). */
  readonly hsnOrSac: string;
  readonly quantity: number;
  /** Value before tax, after discounts, for the whole line. */
  readonly taxableMinor: number;
  /** GST rate in basis points: 1800 is 18 %. */
  readonly rateBp: number;
  readonly cgstMinor: number;
  readonly sgstMinor: number;
  readonly igstMinor: number;
  /** taxable + the line's taxes: what the shopper paid for the line. */
  readonly totalMinor: number;
  /**
   * Which supply the line is: the order line's variant id, or "delivery". A credit note's line names
   * the invoice line it reduces by it. Absent on documents that need no such link.
   */
  readonly itemRef?: string;
}

export interface TaxDocumentTotals {
  readonly taxableMinor: number;
  readonly cgstMinor: number;
  readonly sgstMinor: number;
  readonly igstMinor: number;
  readonly totalMinor: number;
}

export interface TaxDocument {
  readonly kind: TaxDocumentKind;
  /** Consecutive within its series and financial year; at most 16 characters. */
  readonly number: string;
  /** ISO 8601 date-time of issue. */
  readonly issuedAt: string;
  readonly currency: string;
  readonly orderNumber: string;
  /** A credit note names the invoice it reduces. */
  readonly refersTo: { readonly number: string; readonly issuedAt: string } | null;
  readonly seller: TaxParty;
  readonly buyer: TaxParty;
  readonly placeOfSupply: { readonly stateGstCode: string; readonly stateName: string };
  /** Intra-state supplies carry CGST + SGST, inter-state ones IGST. */
  readonly supply: (typeof SUPPLY_KINDS)[number];
  readonly lines: readonly TaxDocumentLine[];
  readonly totals: TaxDocumentTotals;
}
