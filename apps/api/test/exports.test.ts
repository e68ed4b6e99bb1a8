import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedManyOrders, seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";

interface Download {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as the socket delivered it, piece by piece. */
  pieces: Buffer[];
  text: string;
}

/** A GET with no Accept-Encoding (so the body arrives as written), keeping each piece received. */
function download(url: string, token: string | null): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      const pieces: Buffer[] = [];
      res.on("data", (piece: Buffer) => pieces.push(piece));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, pieces, text: Buffer.concat(pieces).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Records of a CSV without embedded line breaks (ours, here), BOM removed. */
const records = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));

describe("admin CSV exports over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let variant: SeededVariant;
  const exportUrl = (name: string, query: Record<string, string> = {}) => `${app.url}/api/admin/exports/${name}.csv?${new URLSearchParams(query).toString()}`;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", EXPORT_PAGE_SIZE: "50" } });
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "users.manage"] });
    variant = await seedVariant(app, { stock: 100, priceMinor: 123_450 });
  });
  afterAll(() => app.close());

  it("answers 401 to strangers, 403 to shoppers and to admins without the permission, 400 naming a bad filter", async () => {
    const shopper = await createAccount(app);
    const support = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    expect((await download(exportUrl("orders"), null)).status).toBe(401);
    expect((await download(exportUrl("orders"), "not-a-token")).status).toBe(401);
    expect((await download(exportUrl("orders"), shopper.token)).status).toBe(403);
    expect((await download(exportUrl("customers"), shopper.token)).status).toBe(403);
    expect((await download(exportUrl("customers"), support.token)).status).toBe(403);
    const bad = await download(exportUrl("orders", { paymentMethod: "upi" }), admin.token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({ error: { code: "BAD_REQUEST", message: "Payment method must be wallet, card or cash on delivery", field: "paymentMethod" } });
  });

  it("exports the needs-attention view as the console lists it, and names a view it does not know", async () => {
    const customer = await createAccount(app);
    const confirmed = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed" });
    const returning = await seedOrder(app, { userId: customer.user.id, variant, status: "return_requested" });
    await seedOrder(app, { userId: customer.user.id, variant, status: "delivered" });
    const file = await download(exportUrl("orders", { view: "needs_attention", userId: customer.user.id }), admin.token);
    expect(records(file.text).slice(1).map((row) => row[0])).toEqual([returning.number, confirmed.number]);
    const bad = await download(exportUrl("orders", { view: "urgent" }), admin.token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({ error: { code: "BAD_REQUEST", message: "View must be a saved view", field: "view" } });
  });

  it("exports the orders view with its filters: BOM, header, rupees with the currency, the customer, formula text escaped", async () => {
    const customer = await createAccount(app, { name: "=HYPERLINK(\"http://evil\")" });
    const day = (d: number) => new Date(Date.UTC(2025, 5, d, 12));
    const cod = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod", placedAt: day(2) });
    const shipped = await seedOrder(app, { userId: customer.user.id, variant, status: "delivered", method: "cod", placedAt: day(3) });
    await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "card", placedAt: day(2) });
    await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod", placedAt: day(9) });

    const file = await download(exportUrl("orders", { search: customer.email, paymentMethod: "cod", placedFrom: day(1).toISOString(), placedTo: day(5).toISOString() }), admin.token);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(file.pieces[0]!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = records(file.text);
    expect(header).toEqual([
      "order_number", "placed_at", "status", "payment_method", "payment_status", "customer_name", "customer_email", "customer_phone",
      "items", "total", "currency", "ship_to_city", "ship_to_state", "ship_to_pin", "carrier", "tracking_number",
    ]);
    expect(rows.map((row) => row[0])).toEqual([shipped.number, cod.number]);
    const total = (shipped.total.minor / 100).toFixed(2);
    // No phone on the account: the delivery address's, escaped like any cell starting with "+".
    expect(rows[0]).toEqual([
      shipped.number, day(3).toISOString(), "delivered", "cod", "paid", "\"'=HYPERLINK(\"\"http://evil\"\")\"", customer.email, "'+919800000001",
      "1", total, "INR", shipped.address.city, shipped.address.state, shipped.address.postalCode, "Delhivery", "DL123",
    ]);
  });

  it("exports the customers view, filtered by search", async () => {
    const customer = await createAccount(app, { name: "Meera, Iyer" });
    const file = await download(exportUrl("customers", { search: customer.email }), admin.token);
    expect(file.status).toBe(200);
    expect(records(file.text)).toEqual([
      ["email", "name", "phone", "role", "disabled", "created_at"],
      [customer.email, "\"Meera", " Iyer\"", "", "shopper", "no", customer.user.createdAt.toISOString()],
    ]);
  });

  it("streams 2,000 orders page by page in chunked transfer, never as one buffered body", async () => {
    const customer = await createAccount(app);
    await seedManyOrders(app, { userId: customer.user.id, variant, count: 2000, from: new Date(Date.UTC(2024, 0, 1)) });
    const file = await download(exportUrl("orders", { userId: customer.user.id }), admin.token);
    expect(file.status).toBe(200);
    expect(file.headers["transfer-encoding"]).toBe("chunked");
    expect(file.headers["content-length"]).toBeUndefined();
    const rows = records(file.text).slice(1);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((row) => row[0])).size).toBe(2000);
    // 40 pages of 50 written one by one: the body arrives in many pieces, none near the whole file.
    const size = Buffer.byteLength(file.text);
    expect(file.pieces.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...file.pieces.map((piece) => piece.length))).toBeLessThan(size / 5);
  });
});
