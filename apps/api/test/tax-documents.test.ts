import { defaultTaxSettings, financialYear, type Order, type TaxDocument } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, creditWallet, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { REGISTER_KINDS } from "../src/services/invoices/index.js";
import { readPdf } from "./tax-documents.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const registered = { ...defaultTaxSettings, legalName: "BBS Retail Private Limited", gstin: "29AAGCB7383J1Z4", addressLines: ["1 Residency Road", "Bengaluru 560025"], stateCode: "KA" };
const documentsOf = (data: unknown) => (data as { documents: TaxDocument[] }).documents;

describe("GST invoices and credit notes over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let shoppers: Shopper[];
  let variantId: string;
  const fy = financialYear(new Date(), "Asia/Kolkata");

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000", EXPORT_PAGE_SIZE: "2" } });
    admin = await createAccount(app, { role: "admin", permissions: ["settings.manage", "orders.manage", "refunds.issue"] });
    shoppers = await makeShoppers(app, 3);
    variantId = (await addProduct(app, { stock: 1000, priceMinor: 118_000 })).variantId;
  });
  afterAll(() => app.close());

  const place = async (shopper: Shopper, overrides: Record<string, unknown> = {}) => {
    expect((await call(app.url, "cart.add", { variantId, quantity: 1 }, { token: shopper.token })).error).toBeUndefined();
    const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey(), ...overrides }, { token: shopper.token });
    expect(placed.error).toBeUndefined();
    return (placed.data as { orderId: string }).orderId;
  };
  const documents = async (shopper: Shopper, orderId: string) => documentsOf((await call(app.url, "order.documents", { orderId }, { token: shopper.token })).data);
  const updateTax = (input: unknown) => call(app.url, "admin.settings.updateTax", input, { token: admin.token });

  it("issues a bill of supply without GST until the store has a GSTIN", async () => {
    const orderId = await place(shoppers[0]!);
    const [bill] = await documents(shoppers[0]!, orderId);
    expect(bill).toMatchObject({ kind: "bill-of-supply", number: `BOS/${fy}/000001`, seller: { gstin: null }, totals: { cgstMinor: 0, sgstMinor: 0, igstMinor: 0 } });
    expect((await app.db.repos.orders.findById(orderId))?.total.minor).toBe(bill!.totals.totalMinor);
  });

  it("refuses tax settings naming the field, and saves valid ones", async () => {
    expect((await updateTax({ ...registered, gstin: "29AAGCB7383J1Z5" })).error?.data.fieldErrors).toEqual([
      { path: "gstin", message: "GSTIN has a wrong check character (the 15th): look for a typing error" },
    ]);
    expect((await updateTax({ ...registered, stateCode: "MH" })).error?.data.fieldErrors).toEqual([
      { path: "stateCode", message: "State must be the state the GSTIN is registered in (GST state code 29)" },
    ]);
    expect((await updateTax({ ...registered, invoicePrefix: "CN" })).error?.data.fieldErrors[0]?.path).toBe("invoicePrefix");
    expect((await updateTax({ ...registered, deliveryRateBp: 1200 })).error?.data.fieldErrors[0]?.path).toBe("deliveryRateBp");
    // The store's default product rate (18 %) must stay a slab.
    expect((await updateTax({ ...registered, slabsBp: [0, 500], deliveryRateBp: 500 })).error?.data.fieldErrors[0]?.path).toBe("slabsBp");
    expect((await updateTax({ ...registered, legalName: "" })).error?.data.fieldErrors[0]?.path).toBe("legalName");
    const saved = await updateTax(registered);
    expect(saved.error).toBeUndefined();
    expect((await call(app.url, "admin.settings.get", undefined, { token: admin.token })).data).toMatchObject({ tax: { gstin: "29AAGCB7383J1Z4" } });
  });

  it("invoices a business buyer in another state with IGST, and shows it only to the order's shopper and staff", async () => {
    await updateTax(registered);
    const buyer = { gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" };
    const badBuyer = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey(), buyer: { ...buyer, gstin: "27AAPFU0939F1Z" } }, { token: shoppers[1]!.token });
    expect(badBuyer.error?.data.fieldErrors).toEqual([{ path: "buyer.gstin", message: "Business GSTIN must be 15 characters" }]);
    const orderId = await place(shoppers[1]!, { address: { ...address, state: "MH", city: "Pune", postalCode: "411001" }, buyer });
    const order = (await app.db.repos.orders.findById(orderId)) as Order;
    const [invoice] = await documents(shoppers[1]!, orderId);
    expect(invoice).toMatchObject({ kind: "tax-invoice", supply: "inter-state", placeOfSupply: { stateGstCode: "27" }, buyer: { gstin: buyer.gstin, name: "Asha Traders" }, seller: { gstin: registered.gstin } });
    expect(invoice!.number).toMatch(new RegExp(`^INV/${fy}/000001$`));
    expect(invoice!.totals).toMatchObject({ cgstMinor: 0, sgstMinor: 0, totalMinor: order.total.minor });
    expect(invoice!.totals.igstMinor).toBeGreaterThan(0);
    expect(invoice!.totals.taxableMinor + invoice!.totals.igstMinor).toBe(order.total.minor);

    const viaRest = await rest(app.url, "GET", `/orders/${orderId}/documents`, { token: shoppers[1]!.token });
    expect(viaRest.status).toBe(200);
    expect((viaRest.body as { documents: TaxDocument[] }).documents[0]?.number).toBe(invoice!.number);
    expect((await call(app.url, "order.documents", { orderId }, { token: shoppers[2]!.token })).error?.data.httpStatus).toBe(404);
    expect(documentsOf((await call(app.url, "order.documents", { orderId }, { token: admin.token })).data)).toEqual([invoice]);
    // Changing the store's identity later leaves the issued invoice as it was.
    await updateTax({ ...registered, legalName: "Renamed Retail Private Limited" });
    expect((await documents(shoppers[1]!, orderId))[0]).toEqual(invoice);
    await updateTax(registered);
  });

  it("books a credit note in its own series when a paid order is cancelled and refunded", async () => {
    await creditWallet(app, shoppers[2]!.user.id, 1_000_000);
    const orderId = await place(shoppers[2]!, { paymentMethod: "wallet" });
    const cancelled = await call(app.url, "order.cancel", { orderId, reason: "changed my mind" }, { token: shoppers[2]!.token });
    expect(cancelled.error).toBeUndefined();
    const [invoice, note, ...more] = await documents(shoppers[2]!, orderId);
    expect(more).toEqual([]);
    expect(invoice?.supply).toBe("intra-state");
    expect(note).toMatchObject({ kind: "credit-note", refersTo: { number: invoice!.number, issuedAt: invoice!.issuedAt }, totals: invoice!.totals });
    expect(note!.number).toMatch(new RegExp(`^CN/${fy}/\\d{6}$`));
  });

  it("serves the issued documents as PDFs and in the accountant's registers, page after page", async () => {
    await updateTax(registered);
    await creditWallet(app, shoppers[0]!.user.id, 1_000_000);
    const orderId = await place(shoppers[0]!, { paymentMethod: "wallet", address: { ...address, state: "MH", city: "Pune", postalCode: "411001" } });
    expect((await call(app.url, "order.cancel", { orderId, reason: "changed my mind" }, { token: shoppers[0]!.token })).error).toBeUndefined();
    const [invoice, note] = await documents(shoppers[0]!, orderId);
    const get = (path: string, token: string, base = "/api/v1") => fetch(`${app.url}${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const pdf = await get(`/orders/${orderId}/invoice`, shoppers[0]!.token);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = (await readPdf(Buffer.from(await pdf.arrayBuffer()))).pages.join("\n");
    expect(text).toContain(invoice!.number);
    expect(text).toContain(`GSTIN: ${registered.gstin}`);
    expect(text).toContain("Maharashtra (27)");
    expect(text).toContain("IGST");
    expect(text).not.toContain("CGST");
    const notePdf = await get(`/orders/${orderId}/credit-notes/${encodeURIComponent(note!.number)}`, admin.token);
    expect((await readPdf(Buffer.from(await notePdf.arrayBuffer()))).pages.join("\n")).toContain(invoice!.number);

    // Every invoice issued today, across pages of two (keyset paging over the stored documents), once each.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
    const register = async (name: string) => (await (await get(`/${name}.csv?from=${today}&to=${today}`, admin.token, "/api/admin/exports")).text()).trim().split("\n").slice(1);
    const listed = [...new Set((await register("invoices")).map((row) => row.split(",")[1]))].sort();
    const day = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const stored = (await app.db.repos.taxDocuments.pageIssued(REGISTER_KINDS.invoices, day, null, 1000)).map((d) => d.number).sort();
    expect(stored.length).toBeGreaterThan(2);
    expect(listed).toEqual(stored);
    expect(listed).toContain(invoice!.number);
    expect((await register("credit-notes")).map((row) => row.split(",").slice(0, 3))).toContainEqual([note!.number, today, invoice!.number]);
  });

  it("numbers concurrent checkouts consecutively: no gap, none twice", async () => {
    const many = await makeShoppers(app, 12);
    const before = (await app.db.repos.taxDocuments.listForOrder("none")).length;
    expect(before).toBe(0);
    const orderIds = await Promise.all(many.map((shopper) => place(shopper)));
    const numbers = (await Promise.all(orderIds.map(async (id, i) => (await documents(many[i]!, id))[0]!.number))).sort();
    const first = Number(numbers[0]!.slice(-6));
    expect(numbers).toEqual(numbers.map((_, i) => `INV/${fy}/${String(first + i).padStart(6, "0")}`));
  });
});
