import type { Order } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { businessBuyer, homeBuyer, makeTaxDocument, memorySource } from "./tax-documents.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

/** Records of a CSV (ours: no embedded line breaks), BOM removed, each split at commas outside quotes. */
const records = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));

describe("GST documents over HTTP: PDFs for the order's owner and staff, registers for the accountant", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let staff: TestAccount;
  let otherStaff: TestAccount;
  let invoiced: Order;
  let unconfirmed: Order;
  const documents: Parameters<typeof memorySource>[0] = [];
  const source = memorySource(documents);
  const get = (path: string, token: string | null, base = "/api/v1") => fetch(`${app.url}${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), taxDocuments: source, variables: { EXPORT_PAGE_SIZE: "2" } });
    owner = await createAccount(app);
    stranger = await createAccount(app);
    staff = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    otherStaff = await createAccount(app, { role: "admin", permissions: ["catalog.manage", "users.manage"] });
    const variant = await seedVariant(app, { stock: 100, priceMinor: 100_000 });
    invoiced = await seedOrder(app, { userId: owner.user.id, variant, status: "confirmed" });
    unconfirmed = await seedOrder(app, { userId: owner.user.id, variant, status: "pending_payment" });
    // Issued on 1 Nov 00:10 IST (31 Oct in UTC) and 30 Nov 23:50 IST: the register's day edges.
    documents.push(
      { orderId: invoiced.id, doc: makeTaxDocument({ number: "INV/25-26/000001", issuedAt: "2026-10-31T18:40:00.000Z" }) },
      { orderId: invoiced.id, doc: makeTaxDocument({ kind: "credit-note", number: "CN/25-26/000001", issuedAt: "2026-11-05T10:00:00.000Z" }) },
      { orderId: "order-elsewhere-1", doc: makeTaxDocument({ buyer: { ...businessBuyer, name: '=HYPERLINK("http://evil")' }, number: "INV/25-26/000002", issuedAt: "2026-11-30T18:20:00.000Z" }) },
      { orderId: "order-elsewhere-2", doc: makeTaxDocument({ number: "INV/25-26/000003", issuedAt: "2026-11-30T18:40:00.000Z" }) },
      { orderId: "order-elsewhere-3", doc: makeTaxDocument({ number: "INV/25-26/000000", issuedAt: "2026-10-31T18:20:00.000Z" }) },
    );
  });
  afterAll(() => app.close());

  it("sends the owner the invoice as a PDF attachment that no cache keeps", async () => {
    const response = await get(`/orders/${invoiced.id}/invoice`, owner.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="INV-25-26-000001.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The same document renders to the same bytes: a second download is identical.
    const again = Buffer.from(await (await get(`/orders/${invoiced.id}/invoice`, owner.token)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
  });

  it("sends it to staff who manage orders, and answers 404 to everyone else so order ids cannot be probed", async () => {
    expect((await get(`/orders/${invoiced.id}/invoice`, staff.token)).status).toBe(200);
    for (const token of [stranger.token, otherStaff.token]) {
      const refused = await get(`/orders/${invoiced.id}/invoice`, token);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await get(`/orders/${invoiced.id}/invoice`, null)).status).toBe(401);
    expect((await get("/orders/no-such-order/invoice", staff.token)).status).toBe(404);
  });

  it("answers 404 for an order with no invoice yet, and for a credit note it does not have", async () => {
    const none = await get(`/orders/${unconfirmed.id}/invoice`, owner.token);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { detail: string }).detail).toBe("Invoice not found");
    expect((await get(`/orders/${invoiced.id}/credit-notes/${encodeURIComponent("CN/25-26/000002")}`, owner.token)).status).toBe(404);
    // An invoice's number is not a credit note's, even on the same order.
    expect((await get(`/orders/${invoiced.id}/credit-notes/${encodeURIComponent("INV/25-26/000001")}`, owner.token)).status).toBe(404);
  });

  it("lists the order's documents and serves a credit note by its printed number", async () => {
    const listed = await get(`/orders/${invoiced.id}/documents`, owner.token);
    // The documents as issued, every figure they print: the same list the PDFs are rendered from.
    expect(await listed.json()).toEqual({ orderId: invoiced.id, documents: [documents[0]!.doc, documents[1]!.doc] });
    expect(await (await get(`/orders/${unconfirmed.id}/documents`, owner.token)).json()).toEqual({ orderId: unconfirmed.id, documents: [] });
    expect((await get(`/orders/${invoiced.id}/documents`, stranger.token)).status).toBe(404);

    const note = await get(`/orders/${invoiced.id}/credit-notes/${encodeURIComponent("CN/25-26/000001")}`, staff.token);
    expect(note.status).toBe(200);
    expect(note.headers.get("content-disposition")).toBe('attachment; filename="CN-25-26-000001.pdf"');
    expect((await get(`/orders/${invoiced.id}/credit-notes/CN%E0%A4`, owner.token)).status).toBe(400);
  });

  it("gives tRPC clients the same file as base64", async () => {
    const result = await call(app.url, "order.invoice", { orderId: invoiced.id }, { token: owner.token });
    const file = result.data as { filename: string; contentType: string; base64: string };
    expect(file.filename).toBe("INV-25-26-000001.pdf");
    expect(file.contentType).toBe("application/pdf");
    const rest = Buffer.from(await (await get(`/orders/${invoiced.id}/invoice`, owner.token)).arrayBuffer());
    expect(Buffer.from(file.base64, "base64").equals(rest)).toBe(true);
    expect((await call(app.url, "order.invoice", { orderId: invoiced.id }, { token: stranger.token })).status).toBe(404);
  });

  it("exports the invoice register for IST days, one row per invoice and rate, formula text escaped", async () => {
    const response = await get(`/invoices.csv?from=2026-11-01&to=2026-11-30`, staff.token, "/api/admin/exports");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="invoices-2026-11-01-to-2026-11-30.csv"');
    const rows = records(await response.text());
    expect(rows[0]).toEqual([
      "document_type",
      "invoice_number",
      "invoice_date",
      "buyer_gstin",
      "buyer_name",
      "place_of_supply",
      "supply_type",
      "order_number",
      "rate",
      "taxable_value",
      "igst",
      "cgst",
      "sgst",
      "invoice_value",
    ]);
    // 000000 (31 Oct IST) and 000003 (1 Dec IST) fall outside; each kept invoice has a 5 % and an 18 % row.
    expect(rows.slice(1).map((row) => `${row[1]} ${row[2]} ${row[8]}`)).toEqual([
      "INV/25-26/000001 2026-11-01 5.00",
      "INV/25-26/000001 2026-11-01 18.00",
      "INV/25-26/000002 2026-11-30 5.00",
      "INV/25-26/000002 2026-11-30 18.00",
    ]);
    expect(rows[1]).toEqual(["tax-invoice", "INV/25-26/000001", "2026-11-01", "", homeBuyer.name, "29-Karnataka", "intra-state", "BB-2611-4821", "5.00", "2380.95", "0.00", "59.53", "59.52", "3550.00"]);
    expect(rows[4]).toEqual(["tax-invoice", "INV/25-26/000002", "2026-11-30", businessBuyer.gstin, `"'=HYPERLINK(""http://evil"")"`, "27-Maharashtra", "inter-state", "BB-2611-4821", "18.00", "889.83", "160.17", "0.00", "0.00", "3550.00"]);
    expect(source.ranges.at(-1)).toEqual({ from: new Date("2026-10-31T18:30:00.000Z"), to: new Date("2026-11-30T18:30:00.000Z") });
    expect(source.pageSizes.at(-1)).toBe(2);
  });

  it("exports the credit-note register with the invoice each note refers to", async () => {
    const rows = records(await (await get(`/credit-notes.csv?from=2026-11-01&to=2026-11-30`, staff.token, "/api/admin/exports")).text());
    expect(rows[0]!.slice(0, 4)).toEqual(["credit_note_number", "credit_note_date", "invoice_number", "invoice_date"]);
    expect(rows[0]!.at(-1)).toBe("note_value");
    expect(rows.slice(1).map((row) => row.slice(0, 4).join(" "))).toEqual(["CN/25-26/000001 2026-11-05 INV/25-26/000123 2026-11-10", "CN/25-26/000001 2026-11-05 INV/25-26/000123 2026-11-10"]);
  });

  it("refuses registers to shoppers and admins without orders.manage, and names a bad or missing day", async () => {
    const register = (query: string, token: string | null) => get(`/invoices.csv?${query}`, token, "/api/admin/exports");
    expect((await register("from=2026-11-01&to=2026-11-30", null)).status).toBe(401);
    expect((await register("from=2026-11-01&to=2026-11-30", owner.token)).status).toBe(403);
    expect((await register("from=2026-11-01&to=2026-11-30", otherStaff.token)).status).toBe(403);
    const cases: [string, string, string][] = [
      ["to=2026-11-30", "from", "From must be a date (YYYY-MM-DD)"],
      ["from=2026-11-31&to=2026-12-01", "from", "From is not a day of the calendar"],
      ["from=2026-12-01&to=2026-11-01", "to", "To must not be before From"],
    ];
    for (const [query, field, message] of cases) {
      const refused = await register(query, staff.token);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: { code: "BAD_REQUEST", message, field } });
    }
  });
});
