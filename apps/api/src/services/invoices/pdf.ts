import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { formatMoney, rupeesInWords, type TaxDocument, type TaxDocumentKind, type TaxDocumentLine, type TaxParty } from "@bbscart/core";
import { create, type Font } from "fontkit";
import PDFDocument from "pdfkit";

/** What each kind of document is called at its head, as the GST rules name them. */
const TITLES: Record<TaxDocumentKind, string> = {
  "tax-invoice": "Tax Invoice",
  "bill-of-supply": "Bill of Supply",
  "credit-note": "Credit Note",
};

/**
 * Noto Sans from `@expo-google-fonts/noto-sans` (SIL Open Font License 1.1, ADR 153): Google's
 * build carries Latin, the ₹ sign and Devanagari with its OpenType shaping tables in one file, so
 * a Hindi buyer name shapes (conjuncts, matra order) without switching fonts mid-line. Parsed once
 * per process (parsing a 600 kB font costs more than laying out an invoice); pdfkit embeds only
 * the glyphs each document uses.
 */
const fonts = (() => {
  let loaded: { regular: Font; bold: Font } | null = null;
  return () => {
    if (!loaded) {
      const require = createRequire(import.meta.url);
      const file = (weight: string) => create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`))) as Font;
      loaded = { regular: file("400Regular"), bold: file("700Bold") };
    }
    return loaded;
  };
})();

/** pdfkit takes a parsed fontkit font as it is (it checks for `layout`), though its types name only file sources. */
const asFontSource = (font: Font) => font as unknown as Buffer;

const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_SPACE = 60;

/** The invoice date as India reads it: the calendar day in IST, whatever zone the server runs in. */
const indianDate = new Intl.DateTimeFormat("en-IN", { timeZone: "Asia/Kolkata", day: "2-digit", month: "short", year: "numeric" });

function percent(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const fraction = rateBp % 100;
  return fraction === 0 ? `${whole}%` : `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}%`;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: "left" | "right";
  readonly cell: (line: TaxDocumentLine, index: number) => string;
}

/**
 * The line table's columns for the document: CGST and SGST for an intra-state supply, IGST for an
 * inter-state one, and no tax columns on a bill of supply (its seller charges no GST).
 */
function columnsFor(doc: TaxDocument): Column[] {
  const amount = (minor: number) => formatMoney({ minor, currency: doc.currency });
  const head: Column[] = [
    { header: "#", width: 18, align: "left", cell: (_line, index) => String(index + 1) },
    { header: "Description", width: 0, align: "left", cell: (line) => line.description },
    { header: "HSN/SAC", width: 52, align: "left", cell: (line) => line.hsnOrSac },
    { header: "Qty", width: 30, align: "right", cell: (line) => String(line.quantity) },
    { header: "Taxable value", width: 72, align: "right", cell: (line) => amount(line.taxableMinor) },
  ];
  const taxes: Column[] =
    doc.kind === "bill-of-supply"
      ? []
      : doc.supply === "intra-state"
        ? [
            { header: "Rate", width: 36, align: "right", cell: (line) => percent(line.rateBp) },
            { header: "CGST", width: 62, align: "right", cell: (line) => amount(line.cgstMinor) },
            { header: "SGST", width: 62, align: "right", cell: (line) => amount(line.sgstMinor) },
          ]
        : [
            { header: "Rate", width: 36, align: "right", cell: (line) => percent(line.rateBp) },
            { header: "IGST", width: 72, align: "right", cell: (line) => amount(line.igstMinor) },
          ];
  const columns = [...head, ...taxes, { header: "Total", width: 74, align: "right", cell: (line: TaxDocumentLine) => amount(line.totalMinor) } satisfies Column];
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => (column.width === 0 ? { ...column, width: CONTENT_WIDTH - fixed } : column));
}

/**
 * Renders a tax invoice, bill of supply or credit note as an A4 PDF. It lays out the figures the
 * document carries and computes none. Deterministic: the PDF's dates (and so its file ID, which
 * pdfkit derives from them) come from `issuedAt`, fonts are embedded from files in the package,
 * so the same document renders to the same bytes on every call and machine.
 */
export async function renderTaxDocumentPdf(doc: TaxDocument): Promise<Buffer> {
  const issued = new Date(doc.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new Error(`renderTaxDocumentPdf: issuedAt ${doc.issuedAt} is not a date`);
  const title = TITLES[doc.kind];
  const pdf = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    lang: "en-IN",
    displayTitle: true,
    info: { Title: `${title} ${doc.number}`, Author: doc.seller.name, Subject: `Order ${doc.orderNumber}`, Creator: "BBSCART", Producer: "BBSCART", CreationDate: issued, ModDate: issued },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const { regular, bold } = fonts();
  pdf.registerFont("body", asFontSource(regular));
  pdf.registerFont("bold", asFontSource(bold));

  header(pdf, doc, title);
  table(pdf, doc, columnsFor(doc));
  totals(pdf, doc);
  pdf.end();
  return finished;
}

type Pdf = InstanceType<typeof PDFDocument>;

function party(pdf: Pdf, label: string, who: TaxParty, x: number, y: number, width: number): number {
  pdf.font("bold").fontSize(8).fillColor("#555555").text(label, x, y, { width });
  pdf.font("bold").fontSize(10).fillColor("#000000").text(who.name, { width });
  pdf.font("body").fontSize(9);
  for (const line of who.addressLines) pdf.text(line, { width });
  pdf.text(`State: ${who.stateName} (${who.stateGstCode})`, { width });
  if (who.gstin) pdf.font("bold").text(`GSTIN: ${who.gstin}`, { width });
  return pdf.y;
}

function header(pdf: Pdf, doc: TaxDocument, title: string): void {
  const left = PAGE.margin;
  pdf.font("bold").fontSize(18).text(title, left, PAGE.margin, { width: CONTENT_WIDTH, align: "center" });
  if (doc.kind === "bill-of-supply") {
    pdf.font("body").fontSize(8).text("The seller is not registered under GST; no tax is charged on this supply.", { width: CONTENT_WIDTH, align: "center" });
  }
  pdf.moveDown(0.8);
  const top = pdf.y;
  const half = CONTENT_WIDTH / 2 - 10;
  const sellerBottom = party(pdf, "SOLD BY", doc.seller, left, top, half);

  const facts: [string, string][] = [
    [doc.kind === "credit-note" ? "Credit note no." : "Invoice no.", doc.number],
    ["Date", indianDate.format(new Date(doc.issuedAt))],
    ["Order no.", doc.orderNumber],
    ["Place of supply", `${doc.placeOfSupply.stateName} (${doc.placeOfSupply.stateGstCode})`],
  ];
  if (doc.refersTo) facts.splice(2, 0, ["Refers to invoice", `${doc.refersTo.number} dated ${indianDate.format(new Date(doc.refersTo.issuedAt))}`]);
  let y = top;
  const factsX = left + half + 20;
  for (const [label, value] of facts) {
    pdf.font("bold").fontSize(8).fillColor("#555555").text(label, factsX, y, { width: 90 });
    pdf.font("body").fontSize(9).fillColor("#000000").text(value, factsX + 92, y, { width: half - 92 });
    y = pdf.y + 2;
  }
  const buyerBottom = party(pdf, doc.kind === "credit-note" ? "ISSUED TO" : "BILLED TO", doc.buyer, left, Math.max(sellerBottom, y) + 12, CONTENT_WIDTH);
  pdf.y = buyerBottom + 14;
}

/** One row of cells at the current y; returns the row's height (the tallest wrapped cell). */
function row(pdf: Pdf, columns: readonly Column[], cells: readonly string[], font: "body" | "bold"): number {
  pdf.font(font).fontSize(8);
  const y = pdf.y;
  const height = Math.max(...columns.map((column, index) => pdf.heightOfString(cells[index]!, { width: column.width - 4 })));
  let x = PAGE.margin;
  columns.forEach((column, index) => {
    pdf.text(cells[index]!, x + 2, y, { width: column.width - 4, align: column.align });
    x += column.width;
  });
  pdf.y = y + height + 4;
  return height + 4;
}

function rule(pdf: Pdf): void {
  pdf.moveTo(PAGE.margin, pdf.y).lineTo(PAGE.margin + CONTENT_WIDTH, pdf.y).lineWidth(0.5).strokeColor("#999999").stroke();
  pdf.y += 3;
}

/** The lines, continued on a new page (with the headings again) when they do not fit. */
function table(pdf: Pdf, doc: TaxDocument, columns: readonly Column[]): void {
  const headings = () => {
    row(pdf, columns, columns.map((column) => column.header), "bold");
    rule(pdf);
  };
  headings();
  doc.lines.forEach((line, index) => {
    pdf.font("body").fontSize(8);
    const needed = Math.max(...columns.map((column) => pdf.heightOfString(column.cell(line, index), { width: column.width - 4 }))) + 4;
    if (pdf.y + needed > PAGE.height - PAGE.margin - FOOTER_SPACE) {
      pdf.addPage();
      headings();
    }
    row(pdf, columns, columns.map((column) => column.cell(line, index)), "body");
  });
  rule(pdf);
}

function totals(pdf: Pdf, doc: TaxDocument): void {
  const amount = (minor: number) => formatMoney({ minor, currency: doc.currency });
  const figures: [string, number][] = [["Taxable value", doc.totals.taxableMinor]];
  if (doc.kind !== "bill-of-supply") {
    if (doc.supply === "intra-state") figures.push(["CGST", doc.totals.cgstMinor], ["SGST", doc.totals.sgstMinor]);
    else figures.push(["IGST", doc.totals.igstMinor]);
  }
  figures.push([doc.kind === "credit-note" ? "Total credited" : "Invoice total", doc.totals.totalMinor]);
  if (pdf.y + figures.length * 14 + 50 > PAGE.height - PAGE.margin) pdf.addPage();
  const labelX = PAGE.margin + CONTENT_WIDTH - 230;
  for (const [index, [label, minor]] of figures.entries()) {
    const last = index === figures.length - 1;
    const y = pdf.y;
    pdf.font(last ? "bold" : "body").fontSize(last ? 10 : 9);
    pdf.text(label, labelX, y, { width: 130 });
    pdf.text(amount(minor), labelX + 130, y, { width: 100, align: "right" });
    pdf.y = Math.max(pdf.y, y + 12) + 2;
  }
  pdf.moveDown(0.6);
  pdf.font("bold").fontSize(8).text("Amount in words", PAGE.margin, pdf.y, { width: CONTENT_WIDTH });
  pdf.font("body").fontSize(9).text(rupeesInWords(doc.totals.totalMinor), { width: CONTENT_WIDTH });
  pdf.moveDown(0.6);
  // The shop sells to consumers and registered buyers alike on forward charge; the rules ask the invoice to say so.
  pdf.text("Whether tax is payable on reverse charge: No", { width: CONTENT_WIDTH });
  pdf.moveDown(1.2);
  pdf.font("body").fontSize(8).fillColor("#555555").text(`For ${doc.seller.name}. This is a computer-generated document and needs no signature.`, { width: CONTENT_WIDTH });
  pdf.fillColor("#000000");
}
