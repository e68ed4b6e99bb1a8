import { ADMIN_PERMISSIONS } from "@bbscart/core";
import createClient, { type Middleware } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import type { paths } from "./rest-client/schema.js";
import { responseChecker } from "./rest-client/validate.js";
import { useTempDirs } from "./temp-dir.js";

describe("a mobile client generated from the OpenAPI document", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  const checked: string[] = [];

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ADMIN_PERMISSIONS });
    // Enough products for more than one page at limit=2.
    for (let i = 0; i < 3; i += 1) await addProduct(app, { stock: 50, priceMinor: 25_000 + i });
  });
  afterAll(() => app.close());

  /** A client whose every answer is checked against the document it was generated from. */
  async function checkedClient() {
    const document = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as object;
    const check = responseChecker(document);
    const validateAll: Middleware = {
      async onResponse({ request, response, schemaPath }) {
        const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!;
        if (response.status !== 304) check(schemaPath, request.method, response.status, await response.clone().json(), contentType);
        checked.push(`${request.method} ${schemaPath} ${response.status}`);
      },
    };
    const client = createClient<paths>({ baseUrl: `${app.url}/api/v1` });
    client.use(validateAll);
    return client;
  }

  it("registers, browses page by page, fills the cart, pays by wallet and reads the order back", async () => {
    const client = await checkedClient();

    const email = `mobile-${Date.now()}@example.test`;
    const registered = await client.POST("/auth/register", { body: { email, password: "a long mobile passphrase", name: "Mobile Shopper", phone: null } });
    expect(registered.response.status).toBe(200);
    const session = registered.data!;
    expect(session.refreshToken).toEqual(expect.any(String));
    expect(registered.response.headers.get("set-cookie")).toBeNull();
    const auth = { Authorization: `Bearer ${session.accessToken}` };

    // Browse: follow the Link header until there is no next page.
    const seen: string[] = [];
    let page = await client.GET("/products", { params: { query: { limit: 2, sort: "price_asc" } } });
    for (;;) {
      expect(page.response.status).toBe(200);
      seen.push(...page.data!.items.map((item) => item.slug));
      const link = page.response.headers.get("link");
      if (!page.data!.nextCursor) {
        expect(link).toBeNull();
        break;
      }
      const next = /^<([^>]+)>; rel="next"$/.exec(link ?? "");
      expect(next).not.toBeNull();
      const cursor = new URL(next![1]!, app.url).searchParams.get("cursor")!;
      expect(cursor).toBe(page.data!.nextCursor);
      page = await client.GET("/products", { params: { query: { limit: 2, sort: "price_asc", cursor } } });
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);

    const product = await client.GET("/products/{slug}", { params: { path: { slug: seen[0]! } } });
    const variant = product.data!.variants[0]!;

    const cart = await client.POST("/cart/items", { headers: auth, body: { variantId: variant.id, quantity: 2 } });
    expect(cart.data!.lines).toEqual([expect.objectContaining({ variantId: variant.id, quantity: 2 })]);
    const total = cart.data!.totals.total.minor;

    // Fund the wallet the way staff do it: an audited admin adjustment, over REST too.
    const me = await client.GET("/auth/me", { headers: auth });
    const funded = await client.POST("/admin/wallets/{userId}/adjustments", {
      headers: { Authorization: `Bearer ${admin.token}` },
      params: { path: { userId: me.data!.id } },
      body: { amountMinor: total + 10_000, reason: "Mobile journey credit", idempotencyKey: `fund-${Date.now()}` },
    });
    expect(funded.data!.balance.minor).toBe(total + 10_000);

    const key = `mobile-checkout-${Date.now()}`;
    const checkout = { address, deliveryOptionId: "standard", paymentMethod: "wallet" as const };
    const placed = await client.POST("/orders", { headers: auth, params: { header: { "Idempotency-Key": key } }, body: checkout });
    expect(placed.response.status).toBe(201);
    const orderId = placed.data!.orderId;
    expect(placed.response.headers.get("location")).toBe(`/api/v1/orders/${orderId}`);
    expect(placed.data!.status).toBe("confirmed");

    const replay = await client.POST("/orders", { headers: auth, params: { header: { "Idempotency-Key": key } }, body: checkout });
    expect(replay.data!.orderId).toBe(orderId);

    const order = await client.GET("/orders/{orderId}", { headers: auth, params: { path: { orderId } } });
    expect(order.data).toMatchObject({ id: orderId, status: "confirmed", payment: { method: "wallet", status: "paid" } });
    expect(order.data!.total.minor).toBe(total);
    const wallet = await client.GET("/wallet", { headers: auth });
    expect(wallet.data!.balance.minor).toBe(10_000);
    const mine = await client.GET("/orders", { headers: auth });
    expect(mine.data!.items.map((item) => item.id)).toEqual([orderId]);

    expect(checked.length).toBeGreaterThanOrEqual(11);
  });

  it("buys as a guest by card, opens the order by its link, pays again there and finds it by number and phone", async () => {
    const client = await checkedClient();
    const { variantId } = await addProduct(app, { stock: 5, priceMinor: 49_900 });
    const key = `guest-checkout-${Date.now()}`;
    const body = { email: "mobile-guest@example.test", phone: "98765 43210", address, deliveryOptionId: "standard", paymentMethod: "card" as const, lines: [{ variantId, quantity: 1 }] };
    const placed = await client.POST("/guest/orders", { params: { header: { "Idempotency-Key": key } }, body });
    expect(placed.response.status).toBe(201);
    const { token, orderNumber, clientSecret } = placed.data!;
    expect(placed.response.headers.get("location")).toBe(`/api/v1/order-links/${encodeURIComponent(token)}`);
    const opened = await client.GET("/order-links/{token}", { params: { path: { token } } });
    expect(opened.data).toMatchObject({ number: orderNumber, status: "pending_payment", paymentMethod: "card", canPay: true });
    const again = await client.POST("/order-links/{token}/payment", { params: { path: { token } } });
    expect(again.data!.clientSecret).toBe(clientSecret);
    const tracked = await client.POST("/guest/orders/track", { body: { number: orderNumber, phone: "+919876543210" } });
    expect(tracked.data!.id).toBe(placed.data!.orderId);
    const refused = await client.GET("/order-links/{token}", { params: { path: { token: `${token}x` } } });
    expect(refused.response.status).toBe(404);
  });
});
