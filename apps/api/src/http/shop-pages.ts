import { decimalString, type CatalogVersion } from "@bbscart/core";
import { Router, type Request, type Response } from "express";
import { AppError } from "../services/common/index.js";
import type { Services } from "../services/index.js";
import { clip, escapeHtml, type PageHead } from "./page-head.js";

/** What the shop's public pages are built from: the catalog and store settings, through their service indexes. */
export interface ShopPagesDeps {
  catalog: Pick<Services["catalog"], "bySlug" | "categories" | "activeProducts">;
  settings: Pick<Services["settings"], "storeInfo">;
  /** The shop's address as shoppers see it: canonical URLs, sitemap entries and image URLs start with it. */
  publicUrl: string;
  /** URLs per sitemap file; the protocol's limit is 50,000 (tests shrink it). */
  sitemapUrlsPerFile: number;
  /**
   * The catalog's version (decisions 104, 105), which every product and category change moves: the
   * sitemap is built once and kept until it moves. Without one it is built for each request.
   */
  catalogVersion?: Pick<CatalogVersion, "current"> | undefined;
}

/** What a page's head says and whether the page exists. */
export interface ShopPage {
  head: PageHead;
  status: 200 | 404;
}

/** Paths a search engine has no business in: a shopper's own pages, the admin console and the API. */
const privatePaths = ["/admin", "/cart", "/checkout", "/account", "/orders", "/wallet", "/sign-in", "/register", "/forgot-password", "/reset-password", "/sandbox", "/trpc", "/api", "/auth"];

const schemaAvailability = (inStock: boolean) => (inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");

/**
 * The head tags for the shop's public pages: home, product (`/p/:slug`), category
 * (`/search?category=slug`) and search (`/search?q=…`). Other paths (cart, account, admin) get
 * null and keep index.html's defaults: they are never shared or indexed.
 */
export function shopPageHeads(deps: ShopPagesDeps) {
  const base = deps.publicUrl.replace(/\/+$/, "");
  const absolute = (pathAndQuery: string) => `${base}${pathAndQuery}`;

  return async function pageFor(req: Request): Promise<ShopPage | null> {
    const store = await deps.settings.storeInfo();
    const site = store.storeName;
    const page = (head: Omit<PageHead, "siteName">, status: 200 | 404 = 200): ShopPage => ({ head: { ...head, siteName: site }, status });
    const query = (name: string) => {
      const value = req.query[name];
      return typeof value === "string" ? value.trim() : "";
    };

    if (req.path === "/") {
      return page({ title: `Everyday essentials, delivered — ${site}`, description: `Shop groceries, home care and more at ${site}: fair prices, delivered.`, canonical: absolute("/"), type: "website" });
    }

    const product = /^\/p\/([^/]+)$/.exec(req.path);
    if (product) {
      const slug = decodeURIComponent(product[1]!);
      let detail;
      try {
        detail = await deps.catalog.bySlug({ slug });
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND") {
          return page({ title: `Product not found — ${site}`, description: "This product is not available.", canonical: absolute(req.path), type: "website", noindex: true }, 404);
        }
        throw error;
      }
      const canonical = absolute(`/p/${encodeURIComponent(detail.slug)}`);
      const images = detail.images.map(absolute);
      const description = clip(detail.description || `${detail.name} at ${site}.`);
      return page({
        title: `${detail.name} — ${site}`,
        description,
        canonical,
        type: "product",
        image: images[0],
        imageAlt: detail.imageAlts[0],
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Product",
          name: detail.name,
          description,
          url: canonical,
          ...(images.length ? { image: images } : {}),
          ...(detail.category ? { category: detail.category.name } : {}),
          offers: detail.variants.map((variant) => ({
            "@type": "Offer",
            sku: variant.sku,
            ...(variant.name ? { name: variant.name } : {}),
            price: decimalString(variant.price),
            priceCurrency: variant.price.currency,
            availability: schemaAvailability(variant.inStock),
            url: canonical,
          })),
        },
      });
    }

    if (req.path === "/search") {
      const categorySlug = query("category");
      const text = query("q");
      if (categorySlug && !text) {
        const category = (await deps.catalog.categories()).find((c) => c.slug === categorySlug);
        if (!category) {
          return page({ title: `Category not found — ${site}`, description: "This category does not exist.", canonical: absolute("/search"), type: "website", noindex: true }, 404);
        }
        return page({
          title: `${category.name} — ${site}`,
          description: `Shop ${category.name} at ${site}: fair prices, delivered.`,
          canonical: absolute(`/search?category=${encodeURIComponent(category.slug)}`),
          type: "website",
        });
      }
      if (text) {
        // Result pages are endless and thin: shareable, but not for the index.
        return page({ title: `Results for “${clip(text, 60)}” — ${site}`, description: `Products matching “${clip(text, 60)}” at ${site}.`, canonical: absolute(`/search?q=${encodeURIComponent(text)}`), type: "website", noindex: true });
      }
      return page({ title: `All products — ${site}`, description: `Everything on sale at ${site}.`, canonical: absolute("/search"), type: "website" });
    }
    return null;
  };
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
const sitemapNs = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** The sitemap as served: one `urlset` per file, and the index when there is more than one file. */
interface BuiltSitemap {
  files: string[];
  index: string | null;
}

/**
 * `/robots.txt` and `/sitemap.xml`. The sitemap lists the home page, every category and every active
 * product; past `sitemapUrlsPerFile` URLs (the protocol allows 50,000 per file) `/sitemap.xml`
 * becomes a sitemap index pointing at `/sitemap-1.xml`, `/sitemap-2.xml`, ….
 *
 * Walking every product for each crawler request would make a big catalog's sitemap its most
 * expensive page, so it is built once and kept while the catalog's version stays the one
 * read *before* building (the catalog answer cache's rule, decisions 023 and 104): a commit made during the
 * build makes the next request build again rather than keep a stale list. Requests arriving during
 * a build share it. `X-Cache: hit|miss` says which happened.
 */
export function sitemapRoutes(deps: ShopPagesDeps): Router {
  const base = deps.publicUrl.replace(/\/+$/, "");
  const routes = Router();

  const allUrls = async () => {
    const urls: Array<{ loc: string; lastmod?: string }> = [{ loc: `${base}/` }, { loc: `${base}/search` }];
    for (const category of await deps.catalog.categories()) urls.push({ loc: `${base}/search?category=${encodeURIComponent(category.slug)}` });
    for await (const product of deps.catalog.activeProducts()) {
      urls.push({ loc: `${base}/p/${encodeURIComponent(product.slug)}`, lastmod: product.updatedAt.toISOString() });
    }
    return urls;
  };
  const urlset = (urls: Array<{ loc: string; lastmod?: string }>) =>
    xml(`<urlset ${sitemapNs}>\n${urls.map((u) => `<url><loc>${escapeHtml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`).join("\n")}\n</urlset>`);
  const build = async (): Promise<BuiltSitemap> => {
    const urls = await allUrls();
    const files: string[] = [];
    for (let start = 0; start < urls.length; start += deps.sitemapUrlsPerFile) files.push(urlset(urls.slice(start, start + deps.sitemapUrlsPerFile)));
    if (files.length <= 1) return { files, index: null };
    const entries = files.map((_, i) => `<sitemap><loc>${escapeHtml(`${base}/sitemap-${i + 1}.xml`)}</loc></sitemap>`);
    return { files, index: xml(`<sitemapindex ${sitemapNs}>\n${entries.join("\n")}\n</sitemapindex>`) };
  };

  let kept: { version: number; built: Promise<BuiltSitemap> } | null = null;
  const current = (res: Response): Promise<BuiltSitemap> => {
    const version = deps.catalogVersion?.current();
    if (version !== undefined && kept?.version === version) {
      res.setHeader("X-Cache", "hit");
      return kept.built;
    }
    res.setHeader("X-Cache", "miss");
    const built = build();
    if (version !== undefined) {
      kept = { version, built };
      // A failed build is not kept: the next request tries again.
      built.catch(() => {
        if (kept?.built === built) kept = null;
      });
    }
    return built;
  };

  const send = (res: Response, body: string) => {
    res.type("application/xml").setHeader("Cache-Control", "public, max-age=3600");
    res.send(body);
  };

  routes.get("/robots.txt", (_req, res) => {
    res.type("text/plain").setHeader("Cache-Control", "public, max-age=3600");
    res.send(["User-agent: *", ...privatePaths.map((p) => `Disallow: ${p}`), "", `Sitemap: ${base}/sitemap.xml`, ""].join("\n"));
  });

  routes.get("/sitemap.xml", async (_req, res) => {
    const sitemap = await current(res);
    send(res, sitemap.index ?? sitemap.files[0]!);
  });

  routes.get(/^\/sitemap-([1-9][0-9]{0,5})\.xml$/, async (req, res, next) => {
    const n = Number((req.params as Record<string, string>)[0]);
    const sitemap = await current(res);
    const file = sitemap.files[n - 1];
    if (!sitemap.index || !file) return next();
    send(res, file);
  });
  return routes;
}
