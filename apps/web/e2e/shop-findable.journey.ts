import http from "node:http";
import zlib from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { DemoAccount } from "./global-setup";
import { seriousViolations } from "./axe";
import { noBrowser, useJourney } from "./journey";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** What a crawler or a link-preview bot gets: the bytes of one GET, no JavaScript run (decompressed here, encoding kept). */
function rawGet(url: string, headers: Record<string, string> = { "accept-encoding": "br, gzip" }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const text = (encoding === "br" ? zlib.brotliDecompressSync(body) : encoding === "gzip" ? zlib.gunzipSync(body) : body).toString();
          resolve({ status: res.statusCode!, headers: res.headers, text });
        });
      })
      .on("error", reject);
  });
}

async function trpcQuery<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Signs the browser context in through the API (the refresh cookie lands in the context), not through the sign-in form. */
async function signInContext(page: Page, baseUrl: string, account: DemoAccount): Promise<string> {
  const response = await page.request.post(`${baseUrl}/trpc/auth.login`, { data: { json: account }, headers: { origin: baseUrl } });
  if (!response.ok()) throw new Error(`auth.login answered ${response.status()}`);
  return ((await response.json()) as { result: { data: { json: { accessToken: string } } } }).result.data.json.accessToken;
}

const settle = (page: Page) => page.waitForLoadState("networkidle");

describe.skipIf(noBrowser)("the shop as crawlers, link previews and assistive technology meet it", () => {
  const journey = useJourney();
  const baseUrl = inject("baseUrl");

  it("sends compressed, cached assets and a first HTML with titles, preview tags and JSON-LD, no JavaScript needed", async () => {
    const home = await rawGet(`${baseUrl}/`);
    expect(home.headers["content-encoding"]).toBe("br");
    expect(home.headers["cache-control"]).toBe("no-cache");
    expect(home.text).toMatch(/<title>[^<]+ — [^<]+<\/title>/);
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(home.text)![1]!;
    const asset = await rawGet(`${baseUrl}${script}`);
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(asset.headers.vary).toMatch(/Accept-Encoding/i);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await rawGet(`${baseUrl}${script}`, { "accept-encoding": "gzip" })).headers["content-encoding"]).toBe("gzip");

    const products = await trpcQuery<{ items: Array<{ slug: string; name: string }> }>(baseUrl, "catalog.list", { limit: 1, sort: "name_asc" });
    const product = products.items[0]!;
    const page = await rawGet(`${baseUrl}/p/${product.slug}`);
    expect(page.text).toContain(`<link rel="canonical" href="${baseUrl}/p/${product.slug}" />`);
    expect(page.text).toMatch(/<meta property="og:title" content="[^"]+" \/>/);
    expect(page.text).toContain('<meta property="og:type" content="product" />');
    expect(page.text).toMatch(/<meta name="twitter:card" content="summary(_large_image)?" \/>/);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.text)![1]!) as {
      "@type": string;
      name: string;
      offers: Array<{ priceCurrency: string; price: string; availability: string }>;
    };
    expect(ld["@type"]).toBe("Product");
    expect(ld.name).toBe(product.name);
    expect(ld.offers[0]).toMatchObject({ priceCurrency: "INR", price: expect.stringMatching(/^\d+\.\d\d$/) as string, availability: expect.stringMatching(/^https:\/\/schema\.org\/(InStock|OutOfStock)$/) as string });

    const categories = await trpcQuery<Array<{ slug: string; name: string }>>(baseUrl, "catalog.categories", undefined);
    const category = await rawGet(`${baseUrl}/search?category=${categories[0]!.slug}`);
    expect(category.text).toContain(`<link rel="canonical" href="${baseUrl}/search?category=${categories[0]!.slug}" />`);
    expect(category.text).toMatch(/<meta property="og:title" content="[^"]+ — [^"]+" \/>/);

    const sitemap = await rawGet(`${baseUrl}/sitemap.xml`);
    expect(sitemap.text).toContain(`<loc>${baseUrl}/p/${product.slug}</loc>`);
    expect(sitemap.text).toContain(`<loc>${baseUrl}/search?category=${categories[0]!.slug}</loc>`);
    const robots = (await rawGet(`${baseUrl}/robots.txt`)).text.split("\n");
    for (const path of ["/admin", "/cart", "/checkout", "/account"]) expect(robots).toContain(`Disallow: ${path}`);
  });

  it("titles each page and logs no console error or warning on an anonymous visit", async () => {
    const { page } = journey;
    const logged: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") logged.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => logged.push(`pageerror: ${error.message}`));
    const products = await trpcQuery<{ items: Array<{ slug: string; name: string }> }>(baseUrl, "catalog.list", { limit: 1, sort: "name_asc" });
    const visits: Array<[string, RegExp]> = [
      ["/", /^Everyday essentials, delivered — /],
      [`/p/${products.items[0]!.slug}`, new RegExp(`^${products.items[0]!.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — `)],
      ["/search?q=tea", /^Results for “tea” — /],
      ["/cart", /^Your cart — /],
      ["/sign-in", /^Sign in — /],
      ["/checkout", /— /],
    ];
    for (const [path, title] of visits) {
      await page.goto(path);
      await settle(page);
      expect(await page.title()).toMatch(title);
    }
    expect(logged).toEqual([]);
  });

  it("has no serious or critical accessibility violation on the shop's pages", async () => {
    const { page } = journey;
    const email = `axe-${Date.now()}@example.test`;
    const registered = await page.request.post(`${baseUrl}/trpc/auth.register`, { data: { json: { email, password: "a journey passphrase", name: "Axe Shopper" } }, headers: { origin: baseUrl } });
    expect(registered.ok()).toBe(true);
    const token = ((await registered.json()) as { result: { data: { json: { accessToken: string } } } }).result.data.json.accessToken;
    const mutate = async (procedure: string, input: unknown) => {
      const response = await page.request.post(`${baseUrl}/trpc/${procedure}`, { data: { json: input }, headers: { origin: baseUrl, authorization: `Bearer ${token}` } });
      if (!response.ok()) throw new Error(`${procedure} answered ${response.status()}: ${await response.text()}`);
      return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
    };
    const listing = await trpcQuery<{ items: Array<{ slug: string; variants: Array<{ id: string; inStock: boolean }> }> }>(baseUrl, "catalog.list", { inStock: true, limit: 5 });
    const variant = listing.items.flatMap((p) => p.variants).find((v) => v.inStock)!;
    await mutate("cart.add", { variantId: variant.id, quantity: 1 });
    const address = { name: "Asha Axe", phone: "+91 98765 43210", line1: "12 MG Road", city: "Bengaluru", state: "Karnataka", postalCode: "560001" };
    const { orderId } = (await mutate("order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: `axe_${Date.now()}` })) as { orderId: string };
    await mutate("cart.add", { variantId: variant.id, quantity: 1 });
    const categories = await trpcQuery<Array<{ slug: string }>>(baseUrl, "catalog.categories", undefined);

    const pages: Array<[string, string]> = [
      ["home", "/"],
      ["category", `/search?category=${categories[0]!.slug}`],
      ["search", "/search?q=tea"],
      ["product", `/p/${listing.items[0]!.slug}`],
      ["cart", "/cart"],
      ["checkout", "/checkout"],
      ["order", `/orders/${orderId}`],
      ["orders", "/orders"],
      ["account", "/account"],
      ["wallet", "/wallet"],
    ];
    const found: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(path);
      await settle(page);
      found.push(...(await seriousViolations(page)).map((v) => `${name} ${v}`));
    }
    expect(found).toEqual([]);
  });
});

describe.skipIf(noBrowser)("the admin console, with axe and on a 360 px phone", () => {
  const journey = useJourney({ viewport: { width: 360, height: 740 } });
  const baseUrl = inject("baseUrl");
  const fitsTheScreen = () => journey.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));

  it("shows every shop page without sideways scrolling, and the category filters behind a button", async () => {
    const { page } = journey;
    const categories = await trpcQuery<Array<{ slug: string }>>(baseUrl, "catalog.categories", undefined);
    await page.goto(`/search?category=${categories[0]!.slug}`);
    await settle(page);
    const filters = page.getByRole("button", { name: /^Filters/ });
    expect(await page.getByLabel("Sort by").isVisible()).toBe(false);
    await filters.click();
    expect(await filters.getAttribute("aria-expanded")).toBe("true");
    await page.getByLabel("Sort by").waitFor();
    for (const path of ["/", `/search?category=${categories[0]!.slug}`, "/search?q=tea", "/cart", "/sign-in"]) {
      await page.goto(path);
      await settle(page);
      const { scroll, width } = await fitsTheScreen();
      expect(`${path}: ${scroll}`).toBe(`${path}: ${width}`);
    }
  });

  it("has no serious or critical violation and no sideways scrolling on any admin page", async () => {
    const { page } = journey;
    const token = await signInContext(page, baseUrl, inject("demoAdmin"));
    const api = async <T>(procedure: string, input: unknown) => {
      const response = await fetch(`${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
    };
    const orders = await api<{ items: Array<{ id: string }> }>("admin.orders.list", { limit: 1 });
    const products = await api<{ items: Array<{ id: string }> }>("admin.catalog.list", { limit: 1 });
    const users = await api<{ items: Array<{ id: string; role: string }> }>("admin.users.list", { limit: 5 });
    const shopper = users.items.find((user) => user.role === "shopper") ?? users.items[0]!;

    const paths = [
      "/admin/dashboard",
      "/admin/orders",
      "/admin/orders?view=needs_attention",
      ...(orders.items[0] ? [`/admin/orders/${orders.items[0].id}`, `/admin/orders/${orders.items[0].id}/slip`] : []),
      "/admin/products",
      `/admin/products/${products.items[0]!.id}`,
      "/admin/products/new",
      "/admin/categories",
      "/admin/stock",
      "/admin/customers",
      `/admin/customers/${shopper.id}`,
      "/admin/coupons",
      "/admin/settings",
      "/admin/operations",
      "/admin/payments",
      "/admin/emails",
      "/admin/audit",
      "/admin/security",
    ];
    const found: string[] = [];
    const overflowing: string[] = [];
    for (const path of paths) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 740 });
        await page.goto(path);
        await settle(page);
        if (path.startsWith("/admin/customers/")) await page.getByTestId("customer-detail").waitFor();
        const { scroll } = await fitsTheScreen();
        if (scroll > width) overflowing.push(`${path} at ${width}: ${scroll}`);
        if (width === 1280) found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
    }
    expect(overflowing).toEqual([]);
    expect(found).toEqual([]);
  });
});
