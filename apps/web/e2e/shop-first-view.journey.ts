import http from "node:http";
import zlib from "node:zlib";
import { formatMoney, imageVariantKey } from "@bbscart/core";
import { describe, expect, inject, it } from "vitest";
import { noBrowser, useJourney } from "./journey";

/** The page as a crawler or a browser without JavaScript gets it. */
function rawHtml(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "br" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve((res.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(body) : body).toString());
        });
      })
      .on("error", reject);
  });
}

async function trpcQuery<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

interface Product {
  slug: string;
  name: string;
  images: string[];
  variants: Array<{ inStock: boolean; price: { minor: number; currency: string } }>;
}

/**
 * Watches, from the first byte of the document, whether anything replaces the server's HTML in
 * #root (a hydration that failed re-renders it from scratch), how far things shift, and which
 * catalog questions the page asks the API itself.
 */
const watchFirstView = () => {
  const state = { replaced: 0, cls: 0 };
  (window as unknown as { __firstView: typeof state }).__firstView = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new MutationObserver((records) => {
    const root = document.getElementById("root");
    for (const record of records) if (record.target === root && record.removedNodes.length > 0) state.replaced += record.removedNodes.length;
  }).observe(document, { childList: true, subtree: true });
};

describe.skipIf(noBrowser)("the first view, drawn on the server and taken over by the app", () => {
  const journey = useJourney({ viewport: { width: 360, height: 740 } });
  const baseUrl = inject("baseUrl");

  it("puts a product's name, price and sized, prioritised picture in the HTML itself, and a category's products", async () => {
    const listing = await trpcQuery<{ items: Product[] }>(baseUrl, "catalog.list", { inStock: true, limit: 1, sort: "name_asc" });
    const product = await trpcQuery<Product>(baseUrl, "catalog.bySlug", { slug: listing.items[0]!.slug });
    const html = await rawHtml(`${baseUrl}/p/${product.slug}`);
    const root = /<div id="root">([\s\S]*?)<\/div><script type="application\/json"/.exec(html)?.[1] ?? "";
    expect(root).toContain(`>${product.name}</h1>`);
    const price = formatMoney(product.variants.find((v) => v.inStock)!.price);
    expect(root).toContain(`>${price}</p>`);
    const image = product.images[0]!;
    expect(root).toContain(`srcSet="${imageVariantKey(image, 160)} 160w, ${imageVariantKey(image, 320)} 320w, ${imageVariantKey(image, 640)} 640w"`);
    expect(root).toMatch(/<img src="[^"]+-640w\.jpg" alt="[^"]+" width="560" height="560" loading="eager" fetchPriority="high"/);

    const categories = await trpcQuery<Array<{ id: string; slug: string }>>(baseUrl, "catalog.categories", undefined);
    const inCategory = await trpcQuery<{ items: Product[] }>(baseUrl, "catalog.list", { categoryId: categories[0]!.id, limit: 24, sort: "relevance" });
    const categoryHtml = await rawHtml(`${baseUrl}/search?category=${categories[0]!.slug}`);
    for (const item of inCategory.items.slice(0, 4)) expect(categoryHtml).toContain(`>${item.name}</h3>`);
  });

  it("hydrates home, a category and a product without redrawing, shifting, asking the API again or logging a warning, and then works", async () => {
    const { page } = journey;
    const logged: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") logged.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => logged.push(`pageerror: ${error.message}`));
    const catalogCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/trpc/") && request.url().includes("catalog.")) catalogCalls.push(request.url());
    });
    await page.addInitScript(watchFirstView);

    const categories = await trpcQuery<Array<{ slug: string }>>(baseUrl, "catalog.categories", undefined);
    const listing = await trpcQuery<{ items: Product[] }>(baseUrl, "catalog.list", { inStock: true, limit: 1, sort: "name_asc" });
    for (const path of ["/", `/search?category=${categories[0]!.slug}`, `/p/${listing.items[0]!.slug}`]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const seen = await page.evaluate(() => (window as unknown as { __firstView: { replaced: number; cls: number } }).__firstView);
      expect({ path, ...seen }).toEqual({ path, replaced: 0, cls: 0 });
    }
    expect(catalogCalls).toEqual([]);
    expect(logged).toEqual([]);

    // Hydrated, not just painted: the button the server drew now adds to the cart.
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByRole("status").filter({ hasText: /^Added / }).waitFor();
  });
});
