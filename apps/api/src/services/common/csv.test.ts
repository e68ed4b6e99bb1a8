import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvChunks, csvRow, rupees } from "./csv.js";

/** Pages arriving one at a time, as the database hands them over. */
async function* pagesOf<T>(...pages: T[][]) {
  for (const page of pages) yield await Promise.resolve(page);
}

describe("CSV writer", () => {
  it("quotes cells holding commas, quotes and line breaks as RFC 4180 asks, and ends records with CRLF", () => {
    expect(csvRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", null, 42])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere",,42\r\n');
  });

  it("escapes text a spreadsheet would run as a formula, keeping the text visible", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+91 98765 43210")).toBe("'+91 98765 43210");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    // Only the first character matters: inner signs are ordinary text.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("BB-10001")).toBe("BB-10001");
  });

  it("writes money as rupees with two decimals, without floating point, and never escapes its own amounts", () => {
    expect(rupees({ minor: 123_450, currency: "INR" })).toEqual({ decimal: "1234.50" });
    expect(rupees({ minor: 5, currency: "INR" })).toEqual({ decimal: "0.05" });
    expect(csvCell(rupees({ minor: -1999, currency: "INR" }))).toBe("-19.99");
    expect(csvCell(rupees({ minor: 900_719_925_474_099, currency: "INR" }))).toBe("9007199254740.99");
    expect(() => rupees({ minor: 0.5, currency: "INR" })).toThrow();
  });

  it("starts with a UTF-8 byte order mark and the header, then yields one chunk per page", async () => {
    const chunks: string[] = [];
    for await (const chunk of csvChunks(["name", "total"], pagesOf([{ n: "Añjali ₹" }], [], [{ n: "=cmd" }, { n: "b" }]), (r) => [r.n, 1])) chunks.push(chunk);
    expect(chunks).toEqual([`${CSV_BOM}name,total\r\n`, "Añjali ₹,1\r\n", "'=cmd,1\r\nb,1\r\n"]);
    expect(Buffer.from(chunks[0]!, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
