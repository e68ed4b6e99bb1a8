import { ADMIN_PERMISSIONS } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, creditWallet } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { responseChecker } from "./rest-client/validate.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const problemType = "application/problem+json";

describe("the REST surface's HTTP semantics", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let shopper: TestAccount;
  let admin: TestAccount;
  let variantId: string;
  let slug: string;
  let check: ReturnType<typeof responseChecker>;

  /** A problem body, checked against the document's declared problem response for the operation. */
  function expectProblem(result: { status: number; headers: Headers; body: unknown }, templatePath: string, method: string, status: number) {
    expect(result.status).toBe(status);
    expect(result.headers.get("content-type")).toContain(problemType);
    check(templatePath, method, status, result.body, problemType);
    return result.body as { type: string; title: string; status: number; detail: string; instance: string; requestId: string; errors: { path: string; message: string }[] };
  }

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", REFRESH_GRACE_SECONDS: "0" } });
    shopper = await createAccount(app);
    admin = await createAccount(app, { role: "admin", permissions: ADMIN_PERMISSIONS.filter((p) => p !== "orders.manage") });
    const product = await addProduct(app, { stock: 20, priceMinor: 50_000 });
    variantId = product.variantId;
    slug = product.slug;
    check = responseChecker((await rest(app.url, "GET", "/openapi.json")).body as object);
  });
  afterAll(() => app.close());

  it("answers 401 with WWW-Authenticate: Bearer without a token or with a bad one, and never reads cookies", async () => {
    const anonymous = await rest(app.url, "GET", "/wallet");
    const body = expectProblem(anonymous, "/wallet", "GET", 401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(body).toMatchObject({ type: "urn:bbscart:problem:unauthorized", title: "Unauthorized", status: 401, instance: "/api/v1/wallet" });
    expect(body.requestId).toEqual(expect.any(String));

    const badToken = await rest(app.url, "GET", "/wallet", { token: "not.a.jwt" });
    expectProblem(badToken, "/wallet", "GET", 401);
    expect(badToken.headers.get("www-authenticate")).toBe('Bearer realm="bbscart", error="invalid_token"');
    // The web's refresh cookie means nothing here.
    expectProblem(await rest(app.url, "GET", "/auth/me", { headers: { cookie: shopper.refreshCookie } }), "/auth/me", "GET", 401);
    // Nor does a guest cart: carts on /api/v1 belong to signed-in shoppers, and no cookie is set.
    const guestAdd = await rest(app.url, "POST", "/cart/items", { body: { variantId } });
    expectProblem(guestAdd, "/cart/items", "POST", 401);
    expect(guestAdd.headers.get("set-cookie")).toBeNull();
  });

  it("answers 403 to an admin without the permission and 404 for someone else's or no order", async () => {
    const forbidden = expectProblem(await rest(app.url, "GET", "/admin/orders", { token: admin.token }), "/admin/orders", "GET", 403);
    expect(forbidden.detail).toMatch(/orders\.manage/);
    expectProblem(await rest(app.url, "GET", "/admin/orders", { token: shopper.token }), "/admin/orders", "GET", 403);
    expectProblem(await rest(app.url, "GET", "/orders/no-such-order", { token: shopper.token }), "/orders/{orderId}", "GET", 404);
    expectProblem(await rest(app.url, "GET", "/products/no-such-product"), "/products/{slug}", "GET", 404);
    const unknown = await rest(app.url, "GET", "/no-such-route");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain(problemType);
    expect((await fetch(`${app.url}/api/v1/categories`, { method: "HEAD" })).status).toBe(200);
    const wrongVerb = await rest(app.url, "PUT", "/orders", { token: shopper.token, body: {} });
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get("allow")).toBe("POST, GET");
  });

  it("answers 422 naming every refused field, in bodies, queries and paths alike, and 400 to malformed JSON", async () => {
    const body = expectProblem(await rest(app.url, "POST", "/cart/items", { token: shopper.token, body: { quantity: 0 } }), "/cart/items", "POST", 422);
    expect(body.errors.map((e) => e.path).sort()).toEqual(["quantity", "variantId"]);
    expect(body.errors.find((e) => e.path === "quantity")!.message).toBe("Quantity must be at least 1");
    expect(body.type).toBe("urn:bbscart:problem:unprocessable-content");

    const nested = expectProblem(
      await rest(app.url, "POST", "/orders", {
        token: shopper.token,
        headers: { "Idempotency-Key": "nested-fields-1" },
        body: { address: { ...address, postalCode: "5600" }, deliveryOptionId: "standard", paymentMethod: "wallet" },
      }),
      "/orders",
      "POST",
      422,
    );
    expect(nested.errors).toEqual([{ path: "address.postalCode", message: "PIN code must be 6 digits" }]);

    const query = expectProblem(await rest(app.url, "GET", "/products?limit=many&inStock=maybe"), "/products", "GET", 422);
    expect(query.errors.map((e) => e.path).sort()).toEqual(["inStock", "limit"]);

    const noKey = expectProblem(
      await rest(app.url, "POST", "/orders", { token: shopper.token, body: { address, deliveryOptionId: "standard", paymentMethod: "wallet" } }),
      "/orders",
      "POST",
      422,
    );
    expect(noKey.errors.map((e) => e.path)).toEqual(["idempotencyKey"]);

    const malformed = expectProblem(await rest(app.url, "POST", "/cart/items", { token: shopper.token, rawBody: "{not json" }), "/cart/items", "POST", 400);
    expect(malformed.detail).toMatch(/not valid JSON/);
    expectProblem(await rest(app.url, "POST", "/cart/items", { token: shopper.token, rawBody: "[1,2]" }), "/cart/items", "POST", 400);
    const form = await rest(app.url, "POST", "/cart/items", { token: shopper.token, rawBody: `variantId=${variantId}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(expectProblem(form, "/cart/items", "POST", 415).detail).toMatch(/application\/json/);
  });

  it("reads query booleans and numbers as they are written, and leaves the tRPC surface's schemas strict", async () => {
    await addProduct(app, { stock: 0, priceMinor: 70_000 });
    const inStock = (await rest(app.url, "GET", "/products?inStock=true&limit=100")).body as { items: { inStock: boolean }[] };
    const outOfStock = (await rest(app.url, "GET", "/products?inStock=false&limit=100")).body as { items: { inStock: boolean }[] };
    expect(inStock.items.length).toBeGreaterThan(0);
    expect(outOfStock.items.length).toBeGreaterThan(0);
    expect(inStock.items.every((item) => item.inStock)).toBe(true);
    expect(outOfStock.items.every((item) => !item.inStock)).toBe(true);
    // A text "false" is still refused over tRPC after REST calls: nothing coerced the shared schemas.
    const rpc = await call(app.url, "catalog.list", { inStock: "false" });
    expect(rpc.error?.data.fieldErrors.map((e) => e.path)).toEqual(["inStock"]);
  });

  it("places an order once per Idempotency-Key: the same body replays it, another body is a 409", async () => {
    await creditWallet(app, shopper.user.id, 1_000_000);
    await rest(app.url, "POST", "/cart/items", { token: shopper.token, body: { variantId, quantity: 1 } });
    const order = { address, deliveryOptionId: "standard", paymentMethod: "wallet" };
    const headers = { "Idempotency-Key": `conflict-${Date.now()}` };
    const first = await rest(app.url, "POST", "/orders", { token: shopper.token, headers, body: order });
    expect(first.status).toBe(201);
    const orderId = (first.body as { orderId: string }).orderId;
    expect(first.headers.get("location")).toBe(`/api/v1/orders/${orderId}`);

    // Only catalog reads are tagged: an order is not a cacheable representation.
    expect(first.headers.get("etag")).toBeNull();
    const replay = await rest(app.url, "POST", "/orders", { token: shopper.token, headers, body: order });
    expect(replay.status).toBe(201);
    expect((replay.body as { orderId: string }).orderId).toBe(orderId);

    const conflict = await rest(app.url, "POST", "/orders", { token: shopper.token, headers, body: { ...order, paymentMethod: "cod" } });
    const problem = expectProblem(conflict, "/orders", "POST", 409);
    expect(problem.errors.map((e) => e.path)).toEqual(["idempotencyKey"]);
    expect(problem.errors[0]!.message).toMatch(/different checkout/);
  });

  it("accepts bodiless writes as fetch and `curl -d ''` send them (Content-Length: 0, any or no type), and refuses a non-JSON body with 415", async () => {
    const bare = (method: string, path: string, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${shopper.token}`, ...headers }, body: "" });
    await rest(app.url, "POST", "/cart/items", { token: shopper.token, body: { variantId, quantity: 1 } });
    for (const headers of [{}, { "content-type": "application/json" }, { "content-type": "text/plain" }] as Record<string, string>[]) {
      const accepted = await bare("POST", `/cart/items/${variantId}/accept-price`, headers);
      expect(accepted.status, JSON.stringify(headers)).toBe(200);
      expect((await bare("DELETE", "/cart/coupon", headers)).status, JSON.stringify(headers)).toBe(200);
    }
    // A cash-on-delivery order cannot be paid by card: the refusal the document declares, not a 415.
    const placed = await rest(app.url, "POST", "/orders", {
      token: shopper.token,
      headers: { "Idempotency-Key": `bodiless-${Date.now()}` },
      body: { address, deliveryOptionId: "standard", paymentMethod: "cod" },
    });
    expect(placed.status).toBe(201);
    const orderId = (placed.body as { orderId: string }).orderId;
    const payment = await bare("POST", `/orders/${orderId}/payment`);
    const body = expectProblem({ status: payment.status, headers: payment.headers, body: await payment.json() }, "/orders/{orderId}/payment", "POST", 412);
    expect(body.type).toBe("urn:bbscart:problem:not-a-card-order");

    // A body with content is still read only as JSON.
    const text = await rest(app.url, "POST", `/cart/items/${variantId}/accept-price`, { token: shopper.token, rawBody: "yes", headers: { "content-type": "text/plain" } });
    expectProblem(text, "/cart/items/{variantId}/accept-price", "POST", 415);
  });

  it("tags catalog reads with an ETag and answers 304 to If-None-Match until the data changes", async () => {
    for (const path of ["/products", `/products/${slug}`, "/categories"]) {
      const first = await rest(app.url, "GET", path);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^"[^"]+"$/);
      const again = await fetch(`${app.url}/api/v1${path}`, { headers: { "If-None-Match": etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      const other = await fetch(`${app.url}/api/v1${path}`, { headers: { "If-None-Match": '"stale"' } });
      expect(other.status, path).toBe(200);
    }
    const before = (await rest(app.url, "GET", `/products/${slug}`)).headers.get("etag")!;
    await app.db.uow.run(async (repos) => {
      const product = (await repos.products.findBySlug(slug))!;
      await repos.products.update(product.id, { description: "Changed after the first read", updatedAt: new Date() });
    });
    const changed = await fetch(`${app.url}/api/v1/products/${slug}`, { headers: { "If-None-Match": before } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(before);
  });

  it("links the next page of the shopper's orders and wallet statement, and none from the last", async () => {
    const buyer = await createAccount(app);
    await creditWallet(app, buyer.user.id, 1_000_000);
    for (const attempt of [1, 2]) {
      await rest(app.url, "POST", "/cart/items", { token: buyer.token, body: { variantId, quantity: 1 } });
      const placed = await rest(app.url, "POST", "/orders", {
        token: buyer.token,
        headers: { "Idempotency-Key": `paged-${attempt}-${Date.now()}` },
        body: { address, deliveryOptionId: "standard", paymentMethod: "wallet" },
      });
      expect(placed.status).toBe(201);
    }
    for (const path of ["/orders", "/wallet/statement"]) {
      const first = await rest(app.url, "GET", `${path}?limit=1`, { token: buyer.token });
      const cursor = (first.body as { nextCursor: string | null }).nextCursor;
      expect(cursor, path).toEqual(expect.any(String));
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link") ?? "");
      expect(next, path).not.toBeNull();
      const url = new URL(next![1]!, app.url);
      expect(url.pathname).toBe(`/api/v1${path}`);
      expect(url.searchParams.get("cursor")).toBe(cursor);
      const all = await rest(app.url, "GET", `${path}?limit=100`, { token: buyer.token });
      expect((all.body as { nextCursor: string | null }).nextCursor, path).toBeNull();
      expect(all.headers.get("link"), path).toBeNull();
    }
  });

  it("rotates a body refresh token, and treats a replayed one as theft that ends the whole sign-in", async () => {
    const login = await rest(app.url, "POST", "/auth/login", { body: { email: shopper.email, password: shopper.password } });
    expect(login.status).toBe(200);
    expect(login.headers.get("set-cookie")).toBeNull();
    const first = (login.body as { refreshToken: string }).refreshToken;

    const rotated = await rest(app.url, "POST", "/auth/refresh", { body: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    check("/auth/refresh", "POST", 200, rotated.body);
    const second = (rotated.body as { refreshToken: string; accessToken: string }).refreshToken;
    expect(second).not.toBe(first);
    const me = await rest(app.url, "GET", "/auth/me", { token: (rotated.body as { accessToken: string }).accessToken });
    expect((me.body as { id: string }).id).toBe(shopper.user.id);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const replayed = await rest(app.url, "POST", "/auth/refresh", { body: { refreshToken: first } });
    expectProblem(replayed, "/auth/refresh", "POST", 401);
    // The family is burnt: the legitimate successor no longer works either.
    expectProblem(await rest(app.url, "POST", "/auth/refresh", { body: { refreshToken: second } }), "/auth/refresh", "POST", 401);

    const fresh = (await rest(app.url, "POST", "/auth/login", { body: { email: shopper.email, password: shopper.password } })).body as { refreshToken: string };
    expect((await rest(app.url, "POST", "/auth/logout", { body: { refreshToken: fresh.refreshToken } })).status).toBe(200);
    expectProblem(await rest(app.url, "POST", "/auth/refresh", { body: { refreshToken: fresh.refreshToken } }), "/auth/refresh", "POST", 401);
  });
});

describe("the REST surface's rate limit", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "3" } });
  });
  afterAll(() => app.close());

  it("shares the per-address write budget with tRPC and answers 429 problem+json with Retry-After", async () => {
    const check = responseChecker((await rest(app.url, "GET", "/openapi.json")).body as object);
    // Two writes over tRPC and one over REST spend the budget of three...
    await call(app.url, "auth.requestPasswordReset", { email: "nobody@example.test" });
    await call(app.url, "auth.requestPasswordReset", { email: "nobody@example.test" });
    expect((await rest(app.url, "POST", "/auth/logout", { body: { refreshToken: "x".repeat(40) } })).status).toBe(200);
    // ...so the next REST write, of any verb, is refused; reads still pass.
    const limited = await rest(app.url, "DELETE", "/cart/coupon");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain(problemType);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    check("/cart/coupon", "DELETE", 429, limited.body, problemType);
    expect(limited.body).toMatchObject({ status: 429, title: "Too Many Requests", type: "urn:bbscart:problem:too-many-requests" });
    expect((await rest(app.url, "GET", "/categories")).status).toBe(200);
  });
});
