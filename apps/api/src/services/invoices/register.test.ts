import { describe, expect, it } from "vitest";
import { makeTaxDocument } from "../../../test/tax-documents.js";
import { indianDayRange, registerCsv } from "./register.js";

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* pagesOf<T>(...pages: T[][]) {
  for (const page of pages) {
    await Promise.resolve();
    yield page;
  }
}

const rows = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);

describe("registerCsv", () => {
  it("writes only the header when nothing was issued", async () => {
    expect(rows(await text(registerCsv("invoices", pagesOf())))).toHaveLength(1);
    expect(rows(await text(registerCsv("credit-notes", pagesOf([], []))))).toHaveLength(1);
  });

  it("sums lines by rate, lowest rate first, each row carrying the whole invoice's value", async () => {
    const doc = makeTaxDocument({
      lines: [
        { description: "A", hsnOrSac: "1", quantity: 1, taxableMinor: 10_000, rateBp: 1800 },
        { description: "B", hsnOrSac: "2", quantity: 1, taxableMinor: 5_000, rateBp: 0 },
        { description: "C", hsnOrSac: "3", quantity: 1, taxableMinor: 20_000, rateBp: 1800 },
        { description: "D", hsnOrSac: "4", quantity: 3, taxableMinor: 1_001, rateBp: 25 },
      ],
    });
    const [, ...body] = rows(await text(registerCsv("invoices", pagesOf([doc]))));
    expect(body.map((row) => row.split(",").slice(8).join(","))).toEqual([
      "0.00,50.00,0.00,0.00,0.00,414.04",
      "0.25,10.01,0.00,0.02,0.01,414.04",
      "18.00,300.00,0.00,27.00,27.00,414.04",
    ]);
  });

  it("marks a bill of supply as such, and leaves a credit note's missing invoice reference empty", async () => {
    const bill = makeTaxDocument({ kind: "bill-of-supply" });
    expect(rows(await text(registerCsv("invoices", pagesOf([bill]))))[1]!.startsWith("bill-of-supply,INV/25-26/000123,2026-11-14,,")).toBe(true);
    const note = makeTaxDocument({ kind: "credit-note" }, { refersTo: null });
    expect(rows(await text(registerCsv("credit-notes", pagesOf([note]))))[1]!.startsWith("CN/25-26/000004,2026-11-14,,,")).toBe(true);
  });
});

describe("indianDayRange", () => {
  it("runs from 00:00 IST of the first day to 00:00 IST after the last", () => {
    expect(indianDayRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: new Date("2026-02-28T18:30:00.000Z"), to: new Date("2026-03-31T18:30:00.000Z") });
    expect(indianDayRange({ from: "2028-02-29", to: "2028-02-29" })).toEqual({ from: new Date("2028-02-28T18:30:00.000Z"), to: new Date("2028-02-29T18:30:00.000Z") });
  });
});
