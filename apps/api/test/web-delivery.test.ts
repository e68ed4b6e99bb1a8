import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createAccount } from "./accounts.js";
import { createProduct, ok } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();
const running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it behind our back). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const decode = (raw: Raw) =>
  raw.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(raw.body) : raw.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw.body) : raw.body;

const template = `<!doctype html><html><head>
<!--page-head--><title>BBSCART</title><meta name="description" content="default" /><!--/page-head-->
</head><body><div id="root"></div></body></html>`;

/** A built web app as `vite build` + precompress.mjs leave it. */
function fakeDist() {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), template);
  const js = Buffer.from(`console.log(${JSON.stringify("x".repeat(4000))});`);
  fs.writeFileSync(path.join(dir, "assets", "app-abc123.js"), js);
  fs.writeFileSync(path.join(dir, "assets", "app-abc123.js.br"), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, "assets", "app-abc123.js.gz"), zlib.gzipSync(js));
  fs.writeFileSync(path.join(dir, "assets", "tiny-abc123.css"), "a{}");
  return { dir, js };
}

async function start(variables: Record<string, string> = {}) {
  const app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", ...variables } });
  running.push(app);
  return app;
}

async function startShop(variables: Record<string, string> = {}) {
  const dist = fakeDist();
  const app = await start({ NODE_ENV: "production", WEB_DIST_DIR: dist.dir, ...variables });
  return { app, dist };
}

describe("precompressed build assets", () => {
  it("sends the brotli or gzip file the build wrote, by Accept-Encoding, with the original type and a year of caching", async () => {
    const { app, dist } = await startShop();
    const url = `${app.url}/assets/app-abc123.js`;
    const expectations: Array<[string, string | undefined]> = [
      ["gzip, deflate, br", "br"],
      ["br;q=0, gzip", "gzip"],
      ["gzip", "gzip"],
      ["identity", undefined],
    ];
    for (const [accept, encoding] of expectations) {
      const raw = await rawGet(url, { "accept-encoding": accept });
      expect(raw.status).toBe(200);
      expect(raw.headers["content-encoding"]).toBe(encoding);
      expect(raw.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
      expect(raw.headers.vary).toMatch(/Accept-Encoding/i);
      expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(decode(raw).equals(dist.js)).toBe(true);
    }
    // A file too small to have been compressed is sent as it is.
    const tiny = await rawGet(`${app.url}/assets/tiny-abc123.css`, { "accept-encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.toString()).toBe("a{}");
    expect((await rawGet(`${app.url}/assets/missing.js`, { "accept-encoding": "br" })).status).toBe(404);
  });

  it("revalidates index.html: an unchanged page answers 304 to its ETag", async () => {
    const { app } = await startShop();
    const first = await rawGet(`${app.url}/cart`);
    expect(first.headers["cache-control"]).toBe("no-cache");
    expect(first.headers.etag).toBeTruthy();
    const again = await rawGet(`${app.url}/cart`, { "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
  });
});

describe("compressed API answers", () => {
  it("compresses JSON at or above the threshold and leaves smaller answers alone", async () => {
    const app = await start({ COMPRESSION_THRESHOLD_BYTES: "200", CATALOG_CACHE_ENTRIES: "0" });
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    for (const name of ["Tea", "Coffee", "Spices", "Rice", "Lentils", "Flour"]) await ok(app.url, "admin.catalog.createCategory", { name }, { token: admin.token });
    const big = await rawGet(`${app.url}/trpc/catalog.categories`, { "accept-encoding": "gzip, br" });
    expect(big.headers["content-encoding"]).toBe("br");
    expect(big.headers.vary).toMatch(/Accept-Encoding/i);
    expect((JSON.parse(decode(big).toString()) as { result: { data: { json: unknown[] } } }).result.data.json).toHaveLength(6);
    const plain = await rawGet(`${app.url}/trpc/catalog.categories`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(decode(big).equals(plain.body)).toBe(true);

    const small = await rawGet(`${app.url}/healthz`, { "accept-encoding": "br" });
    expect(small.body.length).toBeLessThan(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("keeps the catalog answer compressed: a hit sends the stored bytes, per Accept-Encoding", async () => {
    const app = await start({ COMPRESSION_THRESHOLD_BYTES: "100" });
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    for (const name of ["Tea", "Coffee", "Spices", "Rice"]) await ok(app.url, "admin.catalog.createCategory", { name }, { token: admin.token });
    const url = `${app.url}/trpc/catalog.categories`;

    const miss = await rawGet(url, { "accept-encoding": "br" });
    const hit = await rawGet(url, { "accept-encoding": "br" });
    expect([miss.headers["x-cache"], hit.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(hit.headers["content-encoding"]).toBe("br");
    expect(hit.headers.vary).toMatch(/Accept-Encoding/i);
    expect(hit.body.equals(miss.body)).toBe(true);

    // Another Accept-Encoding is another entry: never brotli to a client that did not ask for it.
    const gzipMiss = await rawGet(url, { "accept-encoding": "gzip" });
    const gzipHit = await rawGet(url, { "accept-encoding": "gzip" });
    expect([gzipMiss.headers["x-cache"], gzipHit.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(gzipHit.headers["content-encoding"]).toBe("gzip");
    const plainHit = (await rawGet(url), await rawGet(url));
    expect(plainHit.headers["x-cache"]).toBe("hit");
    expect(plainHit.headers["content-encoding"]).toBeUndefined();
    expect(decode(gzipHit).equals(plainHit.body) && decode(hit).equals(plainHit.body)).toBe(true);
  });
});

describe("the first HTML of public pages", () => {
  const hostile = `Chai "Masala" </script><script>alert(1)</script> & <b>co</b>`;

  async function shopWithProduct() {
    const { app } = await startShop();
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const category = await ok<{ id: string; slug: string }>(app.url, "admin.catalog.createCategory", { name: "Tea & Coffee" }, { token: admin.token });
    const product = await createProduct(app.url, admin.token, {
      name: hostile,
      categoryId: category.id,
      description: `Strong leaves. </script><!-- "quoted" -->`,
      variants: [
        { sku: "CHAI-250", priceMinor: 1250, stockOnHand: 5 },
        { sku: "CHAI-1K", priceMinor: 449_900, stockOnHand: 0 },
      ],
    });
    return { app, category, product, admin };
  }

  const page = async (url: string) => {
    const raw = await rawGet(url, { "accept-encoding": "br" });
    return { ...raw, html: decode(raw).toString() };
  };

  it("serves a product page with its title, description, canonical URL, preview tags and Product JSON-LD, all escaped", async () => {
    const { app, product } = await shopWithProduct();
    const { status, html, headers } = await page(`${app.url}/p/${product.slug}`);
    expect(status).toBe(200);
    expect(headers["content-encoding"]).toBe("br");
    const escaped = "Chai &quot;Masala&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;";
    expect(html).toContain(`<title>${escaped} — BBSCART</title>`);
    expect(html).toContain(`<meta property="og:title" content="${escaped} — BBSCART" />`);
    expect(html).toContain(`<link rel="canonical" href="${app.url}/p/${product.slug}" />`);
    expect(html).toContain(`<meta property="og:type" content="product" />`);
    expect(html).toContain(`<meta name="twitter:card" content="summary" />`);
    expect(html).not.toContain("<title>BBSCART</title>");
    // Exactly one script element, and nothing the admin typed opened or closed another.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain("<b>");
    const ld: unknown = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: hostile,
      url: `${app.url}/p/${product.slug}`,
      category: "Tea & Coffee",
      offers: [
        { "@type": "Offer", sku: "CHAI-250", price: "12.50", priceCurrency: "INR", availability: "https://schema.org/InStock" },
        { "@type": "Offer", sku: "CHAI-1K", price: "4499.00", priceCurrency: "INR", availability: "https://schema.org/OutOfStock" },
      ],
    });
  });

  it("answers an unknown or archived product with 404 and noindex, still as the app", async () => {
    const { app, product, admin } = await shopWithProduct();
    await ok(app.url, "admin.catalog.updateProduct", { productId: product.id, active: false }, { token: admin.token });
    for (const slug of [product.slug, "no-such-thing"]) {
      const { status, html } = await page(`${app.url}/p/${slug}`);
      expect(status).toBe(404);
      expect(html).toContain('<meta name="robots" content="noindex" />');
      expect(html).toContain('<div id="root">');
      expect(html).not.toContain("ld+json");
    }
  });

  it("titles category, search and home pages on the server", async () => {
    const { app, category } = await shopWithProduct();
    const cat = await page(`${app.url}/search?category=${category.slug}`);
    expect(cat.html).toContain("<title>Tea &amp; Coffee — BBSCART</title>");
    expect(cat.html).toContain(`<link rel="canonical" href="${app.url}/search?category=${category.slug}" />`);
    expect(cat.html).toContain('<meta property="og:description" content="Shop Tea &amp; Coffee at BBSCART: fair prices, delivered." />');

    const search = await page(`${app.url}/search?q=${encodeURIComponent('"><script>x')}`);
    expect(search.html).toContain("<title>Results for “&quot;&gt;&lt;script&gt;x” — BBSCART</title>");
    expect(search.html).toContain('<meta name="robots" content="noindex" />');
    expect(search.html).not.toContain("<script>x");

    const home = await page(`${app.url}/`);
    expect(home.html).toContain("<title>Everyday essentials, delivered — BBSCART</title>");
    expect(home.html).toContain(`<meta property="og:url" content="${app.url}/" />`);

    expect((await page(`${app.url}/search?category=nope`)).status).toBe(404);
    // Private pages keep the defaults: nothing to preview there.
    expect((await page(`${app.url}/checkout`)).html).toContain("<title>BBSCART</title>");
  });
});

/**
 * A stand-in for the web's server build (apps/web/src/entry-server.tsx): it draws what the API's
 * procedures answer, asks for one procedure a first view must never reach, and declines /search (as
 * the real one does when a query fails).
 */
const fakeRenderer = `
export async function renderFirstView(url, call) {
  const path = new URL(url).pathname;
  if (path === "/search") return null;
  const refused = await call("cart.get", undefined).then(() => "cart answered", (error) => "cart refused: " + error.message);
  const categories = await call("catalog.categories", undefined);
  const product = path.startsWith("/p/") ? await call("catalog.bySlug", { slug: decodeURIComponent(path.slice(3)) }) : null;
  return {
    html: "<main>" + (product ? product.name : "") + " | " + categories.map((c) => c.name).join(",") + " | " + refused + "</main>",
    stateScript: '<script type="application/json" id="first-view-state">{"from":"' + path + '"}</script>',
  };
}`;

describe("server-rendered first views", () => {
  async function shopWithRenderer() {
    const dist = fakeDist();
    fs.mkdirSync(path.join(dist.dir, "server"));
    fs.writeFileSync(path.join(dist.dir, "server", "entry-server.js"), fakeRenderer);
    const app = await start({ NODE_ENV: "production", WEB_DIST_DIR: dist.dir });
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const category = await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Tea" }, { token: admin.token });
    const product = await createProduct(app.url, admin.token, { name: "Assam Gold", categoryId: category.id, variants: [{ sku: "ASSAM", priceMinor: 100 }] });
    return { app, product };
  }
  const html = async (url: string, headers: Record<string, string> = {}) => {
    const raw = await rawGet(url, { "accept-encoding": "br", ...headers });
    return { status: raw.status, html: decode(raw).toString() };
  };

  it("draws public pages into #root from in-process procedure calls, followed by the answers it drew them with", async () => {
    const { app, product } = await shopWithRenderer();
    const page = await html(`${app.url}/p/${product.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<div id="root"><main>Assam Gold | Tea | cart refused: cart.get is not served in a first view</main></div><script type="application/json" id="first-view-state">{"from":"/p/${product.slug}"}</script>`);
    expect((await html(`${app.url}/`)).html).toContain('<div id="root"><main> | Tea |');
  });

  it("leaves private pages and pages the renderer declines to the browser, and never serves the server build", async () => {
    const { app } = await shopWithRenderer();
    expect((await html(`${app.url}/cart`)).html).toContain('<div id="root"></div>');
    expect((await html(`${app.url}/checkout`)).html).not.toContain("first-view-state");
    const declined = await html(`${app.url}/search`);
    expect(declined.status).toBe(200);
    expect(declined.html).toContain("<title>All products — BBSCART</title>");
    expect(declined.html).toContain('<div id="root"></div>');
    const served = await rawGet(`${app.url}/server/entry-server.js`);
    expect(decode(served).toString()).not.toContain("renderFirstView");
  });
});

describe("sitemap and robots", () => {
  it("lists the home page, categories and active products, and pages into a sitemap index past the per-file limit", async () => {
    const app = await start({ SITEMAP_URLS_PER_FILE: "3" });
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const category = await ok<{ id: string; slug: string }>(app.url, "admin.catalog.createCategory", { name: "Tea" }, { token: admin.token });
    const slugs: string[] = [];
    for (const name of ["Assam", "Darjeeling", "Nilgiri"]) {
      slugs.push((await createProduct(app.url, admin.token, { name, categoryId: category.id, variants: [{ sku: name.toUpperCase(), priceMinor: 100 }] })).slug);
    }
    await createProduct(app.url, admin.token, { name: "Retired blend", categoryId: category.id, active: false, variants: [{ sku: "OLD", priceMinor: 100 }] });

    const index = await rawGet(`${app.url}/sitemap.xml`);
    expect(index.headers["content-type"]).toMatch(/^application\/xml/);
    const body = index.body.toString();
    // 2 pages + 1 category + 3 products = 6 URLs → two files of three.
    expect(body).toContain("<sitemapindex");
    const files = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toEqual([`${app.url}/sitemap-1.xml`, `${app.url}/sitemap-2.xml`]);
    const listed = (await Promise.all(files.map(async (file) => (await rawGet(file)).body.toString()))).join("");
    const locs = [...listed.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.sort()).toEqual([`${app.url}/`, `${app.url}/search`, `${app.url}/search?category=${category.slug}`, ...slugs.map((s) => `${app.url}/p/${s}`)].sort());
    expect(listed).not.toContain("retired");
    expect(listed).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
    expect((await rawGet(`${app.url}/sitemap-3.xml`)).status).toBe(404);
  });

  it("builds the sitemap once and keeps it until the catalog changes, in every file of an index", async () => {
    const app = await start({ SITEMAP_URLS_PER_FILE: "3" });
    const admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const category = await ok<{ id: string; slug: string }>(app.url, "admin.catalog.createCategory", { name: "Tea" }, { token: admin.token });
    const first = await rawGet(`${app.url}/sitemap.xml`);
    expect(first.headers["x-cache"]).toBe("miss");
    const again = await rawGet(`${app.url}/sitemap.xml`);
    expect(again.headers["x-cache"]).toBe("hit");
    expect(again.body.toString()).toBe(first.body.toString());
    // Three URLs fit one file; a product makes four, so the next answer is built anew, as an index.
    expect(first.body.toString()).toContain("<urlset");
    const product = await createProduct(app.url, admin.token, { name: "Assam", categoryId: category.id, variants: [{ sku: "ASSAM", priceMinor: 100 }] });
    const changed = await rawGet(`${app.url}/sitemap.xml`);
    expect(changed.headers["x-cache"]).toBe("miss");
    expect(changed.body.toString()).toContain("<sitemapindex");
    const second = await rawGet(`${app.url}/sitemap-2.xml`);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body.toString()).toContain(`/p/${product.slug}</loc>`);
  });

  it("serves one sitemap file while the shop fits, and robots.txt keeping crawlers out of private pages", async () => {
    const app = await start();
    const sitemap = (await rawGet(`${app.url}/sitemap.xml`)).body.toString();
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(sitemap).toContain(`<loc>${app.url}/</loc>`);
    expect((await rawGet(`${app.url}/sitemap-1.xml`)).status).toBe(404);

    const robots = await rawGet(`${app.url}/robots.txt`);
    expect(robots.headers["content-type"]).toMatch(/^text\/plain/);
    const lines = robots.body.toString().split("\n");
    for (const path of ["/admin", "/cart", "/checkout", "/account"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${app.url}/sitemap.xml`);
  });
});

describe("uploads revalidate", () => {
  it("sends an ETag of the bytes and answers 304 when it still matches", async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, "uploads", "products"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "uploads", "products", "tea.webp"), Buffer.from("RIFFxxxxWEBP"));
    const app = await startApp({ dataDir });
    running.push(app);
    const first = await rawGet(`${app.url}/uploads/products/tea.webp`);
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await rawGet(`${app.url}/uploads/products/tea.webp`, { "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    fs.writeFileSync(path.join(dataDir, "uploads", "products", "tea.webp"), Buffer.from("RIFFyyyyWEBP"));
    const changed = await rawGet(`${app.url}/uploads/products/tea.webp`, { "if-none-match": first.headers.etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });
});

describe("image sizes of older stores", () => {
  it("answers a size an image stored before sizes existed with its original, and an unknown size with 404", async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, "uploads", "products"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "uploads", "products", "tea.webp"), Buffer.from("RIFFxxxxWEBP"));
    const app = await startApp({ dataDir });
    running.push(app);
    const size = await rawGet(`${app.url}/uploads/products/tea-320w.webp`);
    expect(size.status).toBe(200);
    expect(size.body.toString()).toBe("RIFFxxxxWEBP");
    expect(size.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await rawGet(`${app.url}/uploads/products/tea-333w.webp`)).status).toBe(404);
    expect((await rawGet(`${app.url}/uploads/products/coffee-320w.webp`)).status).toBe(404);
  });
});
