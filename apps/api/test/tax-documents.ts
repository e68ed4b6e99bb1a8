import type { TaxDocument, TaxDocumentLine, TaxParty } from "@bbscart/core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TaxDocumentSource } from "../src/services/invoices/index.js";

/*
 * TaxDocument values for the renderer, exporter and endpoint tests, built the way the GST service
 * issues them (taxable + taxes = total on every line, totals the sums of the lines), for tests
 * that need documents without placing orders (the issuing path has its own in tax-documents.test.ts).
 */

export const seller: TaxParty = {
  name: "BBSCART Retail Private Limited",
  gstin: "29AABCB1234C1Z5",
  addressLines: ["12, 3rd Cross, Indiranagar", "Bengaluru 560038"],
  stateGstCode: "29",
  stateName: "Karnataka",
};

export const homeBuyer: TaxParty = {
  name: "श्रीमती प्रिया शर्मा",
  gstin: null,
  addressLines: ["Flat 4B, Shanti Kunj", "Koramangala, Bengaluru 560034"],
  stateGstCode: "29",
  stateName: "Karnataka",
};

export const businessBuyer: TaxParty = {
  name: "Sharma Traders LLP",
  gstin: "27AAPFS1234K1Z2",
  addressLines: ["Unit 7, Andheri East", "Mumbai 400069"],
  stateGstCode: "27",
  stateName: "Maharashtra",
};

export interface LineSpec {
  description: string;
  hsnOrSac: string;
  quantity: number;
  taxableMinor: number;
  rateBp: number;
}

/** A line's taxes at its rate, split in halves (CGST gets the odd paisa) or all IGST. */
export function taxLine(spec: LineSpec, supply: TaxDocument["supply"]): TaxDocumentLine {
  const tax = Math.round((spec.taxableMinor * spec.rateBp) / 10_000);
  const cgst = supply === "intra-state" ? Math.ceil(tax / 2) : 0;
  const sgst = supply === "intra-state" ? tax - cgst : 0;
  const igst = supply === "inter-state" ? tax : 0;
  return { ...spec, cgstMinor: cgst, sgstMinor: sgst, igstMinor: igst, totalMinor: spec.taxableMinor + tax };
}

export const defaultLines: LineSpec[] = [
  { description: "Cotton kurta, indigo, size M", hsnOrSac: "6206", quantity: 2, taxableMinor: 238_095, rateBp: 500 },
  { description: "Steel water bottle 1 L", hsnOrSac: "7323", quantity: 1, taxableMinor: 84_746, rateBp: 1800 },
  { description: "Delivery", hsnOrSac: "996812", quantity: 1, taxableMinor: 4_237, rateBp: 1800 },
];

/**
 * A consistent document: intra-state when the buyer's state is the seller's, inter-state
 * otherwise; `overrides` replace whole fields after the figures are computed.
 */
export function makeTaxDocument(options: { buyer?: TaxParty; lines?: LineSpec[]; kind?: TaxDocument["kind"]; number?: string; issuedAt?: string } = {}, overrides: Partial<TaxDocument> = {}): TaxDocument {
  const buyer = options.buyer ?? homeBuyer;
  const kind = options.kind ?? "tax-invoice";
  const supply = buyer.stateGstCode === seller.stateGstCode ? "intra-state" : "inter-state";
  const lines = (options.lines ?? defaultLines).map((spec) => taxLine(kind === "bill-of-supply" ? { ...spec, rateBp: 0 } : spec, supply));
  const sum = (pick: (line: TaxDocumentLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    kind,
    number: options.number ?? (kind === "credit-note" ? "CN/25-26/000004" : "INV/25-26/000123"),
    issuedAt: options.issuedAt ?? "2026-11-14T09:30:00.000Z",
    currency: "INR",
    orderNumber: "BB-2611-4821",
    refersTo: kind === "credit-note" ? { number: "INV/25-26/000123", issuedAt: "2026-11-10T06:00:00.000Z" } : null,
    seller: kind === "bill-of-supply" ? { ...seller, gstin: null } : seller,
    buyer,
    placeOfSupply: { stateGstCode: buyer.stateGstCode, stateName: buyer.stateName },
    supply,
    lines,
    totals: { taxableMinor: sum((l) => l.taxableMinor), cgstMinor: sum((l) => l.cgstMinor), sgstMinor: sum((l) => l.sgstMinor), igstMinor: sum((l) => l.igstMinor), totalMinor: sum((l) => l.totalMinor) },
    ...overrides,
  };
}

/**
 * An in-memory `TaxDocumentSource` over `documents` (each with its order), answering as the
 * issuing service's will: by order in issue order, by range in issue-then-number order, in pages.
 * `ranges` records each range asked for, so tests can check the days became the right instants.
 */
export function memorySource(documents: { orderId: string; doc: TaxDocument }[]): TaxDocumentSource & { ranges: { from: Date; to: Date }[]; pageSizes: number[] } {
  // Sorted on each question, so a test may add documents after handing the source to the app.
  const ordered = () => [...documents].sort((a, b) => a.doc.issuedAt.localeCompare(b.doc.issuedAt) || a.doc.number.localeCompare(b.doc.number));
  const ranges: { from: Date; to: Date }[] = [];
  const pageSizes: number[] = [];
  return {
    ranges,
    pageSizes,
    forOrder: (orderId) => Promise.resolve(ordered().filter((entry) => entry.orderId === orderId).map((entry) => entry.doc)),
    async *inRange(kinds, range, pageSize) {
      ranges.push(range);
      pageSizes.push(pageSize);
      const chosen = ordered().map((entry) => entry.doc).filter((doc) => kinds.includes(doc.kind) && Date.parse(doc.issuedAt) >= range.from.getTime() && Date.parse(doc.issuedAt) < range.to.getTime());
      for (let start = 0; start < chosen.length; start += pageSize) {
        // One round trip per page, as a database's cursor takes.
        await Promise.resolve();
        yield chosen.slice(start, start + pageSize);
      }
    },
  };
}

/** Every order has an invoice and a credit note: for suites about who may see them, not what they hold. */
export function everyOrderIssued(): TaxDocumentSource {
  const empty = memorySource([]);
  return { forOrder: () => Promise.resolve([makeTaxDocument(), makeTaxDocument({ kind: "credit-note" })]), inRange: (kinds, range, pageSize) => empty.inRange(kinds, range, pageSize) };
}

/** Every page's text as pdf.js reads it (what a screen reader, a search or a copy-paste sees), and the info dictionary. */
export async function readPdf(bytes: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: info as Record<string, unknown> };
}
