import { stateByCode } from "../account/india.js";
import { includedTax } from "../money/tax.js";
import { money } from "../money/money.js";
import type { Order } from "../order/order.js";
import type { TaxDocument, TaxDocumentKind, TaxDocumentLine, TaxDocumentTotals, TaxParty } from "./document.js";
import { DELIVERY_SAC, type StoreTaxSettings } from "./tax-settings.js";

/** The item reference of an invoice's delivery line (order lines use their variant id). */
export const DELIVERY_ITEM = "delivery";

/** A registered seller issues tax invoices; an unregistered one (no GSTIN yet) bills of supply, which carry no GST. */
export function invoiceKind(tax: Pick<StoreTaxSettings, "gstin">): Extract<TaxDocumentKind, "tax-invoice" | "bill-of-supply"> {
  return tax.gstin === null ? "bill-of-supply" : "tax-invoice";
}

/**
 * A tax amount as the document prints it: all IGST inter-state; intra-state half CGST, half SGST,
 * the odd paisa of an odd amount on CGST (decision record 151), so the halves sum to the tax exactly.
 */
export function splitTax(taxMinor: number, supply: TaxDocument["supply"]): Pick<TaxDocumentLine, "cgstMinor" | "sgstMinor" | "igstMinor"> {
  if (supply === "inter-state") return { cgstMinor: 0, sgstMinor: 0, igstMinor: taxMinor };
  const sgst = Math.floor(taxMinor / 2);
  return { cgstMinor: taxMinor - sgst, sgstMinor: sgst, igstMinor: 0 };
}

/** Σ of each column of `lines`: a document's totals are its lines', never computed apart. */
export function totalsOf(lines: readonly TaxDocumentLine[]): TaxDocumentTotals {
  const add = (pick: (l: TaxDocumentLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  return { taxableMinor: add((l) => l.taxableMinor), cgstMinor: add((l) => l.cgstMinor), sgstMinor: add((l) => l.sgstMinor), igstMinor: add((l) => l.igstMinor), totalMinor: add((l) => l.totalMinor) };
}

/** The seller as its documents print it, from the tax settings in force when they are issued. */
export function sellerParty(tax: StoreTaxSettings, storeName: string): TaxParty {
  const state = stateByCode(tax.stateCode);
  return { name: tax.legalName.trim() || storeName, gstin: tax.gstin, addressLines: tax.addressLines, stateGstCode: state?.gst ?? "", stateName: state?.name ?? "" };
}

export interface InvoiceInput {
  readonly order: Order;
  readonly tax: StoreTaxSettings;
  readonly storeName: string;
  /** HSN or SAC of each product of the order, by product id, as the catalog holds them at issue. */
  readonly hsnByProduct: ReadonlyMap<string, string | null>;
  readonly number: string;
  readonly issuedAt: Date;
}

/**
 * The invoice (or bill of supply) of a confirmed order, its figures frozen from what was charged.
 * Each order line is its discounted total with the tax it already includes (priced once, half up per
 * line: decision 010), so taxable = total − tax; delivery is a service line taxed at the store's
 * delivery rate. Invariant (property-tested): lines' totals sum to the order's total exactly, and
 * each line's taxes to its tax. Place of supply is the delivery address's state; an address whose
 * state names no Indian state is taken as the seller's own (the supplier's location rule).
 */
export function buildInvoice(input: InvoiceInput): TaxDocument {
  const { order, tax } = input;
  const kind = invoiceKind(tax);
  const seller = sellerParty(tax, input.storeName);
  const destination = stateByCode(order.address.state) ?? stateByCode(tax.stateCode);
  const placeOfSupply = { stateGstCode: destination?.gst ?? seller.stateGstCode, stateName: destination?.name ?? seller.stateName };
  const supply = placeOfSupply.stateGstCode === seller.stateGstCode ? "intra-state" : "inter-state";
  const line = (itemRef: string, description: string, hsnOrSac: string, quantity: number, totalMinor: number, rateBp: number, taxMinor: number): TaxDocumentLine => {
    // Not registered, no GST: a bill of supply states the whole amount as the value of the supply.
    const charged = kind === "tax-invoice" ? taxMinor : 0;
    return { itemRef, description, hsnOrSac, quantity, taxableMinor: totalMinor - charged, rateBp: kind === "tax-invoice" ? rateBp : 0, ...splitTax(charged, supply), totalMinor };
  };
  const lines = order.lines.map((l) => line(l.variantId, l.name, input.hsnByProduct.get(l.productId) ?? "", l.quantity, l.total.minor, l.taxRateBp, l.tax.minor));
  if (order.deliveryFee.minor > 0) {
    const deliveryTax = includedTax(money(order.deliveryFee.minor, order.currency), tax.deliveryRateBp).minor;
    lines.push(line(DELIVERY_ITEM, "Delivery", DELIVERY_SAC, 1, order.deliveryFee.minor, tax.deliveryRateBp, deliveryTax));
  }
  const buyer: TaxParty = {
    name: order.buyer?.businessName ?? order.address.name,
    gstin: order.buyer?.gstin ?? null,
    addressLines: [order.address.line1, ...(order.address.line2 ? [order.address.line2] : []), `${order.address.city} ${order.address.postalCode}`],
    ...placeOfSupply,
  };
  return {
    kind,
    number: input.number,
    issuedAt: input.issuedAt.toISOString(),
    currency: order.currency,
    orderNumber: order.number,
    refersTo: null,
    seller,
    buyer,
    placeOfSupply,
    supply,
    lines,
    totals: totalsOf(lines),
  };
}
