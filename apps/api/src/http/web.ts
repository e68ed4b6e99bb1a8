import fs from "node:fs";
import path from "node:path";
import express, { Router, type RequestHandler } from "express";
import { withHead } from "./page-head.js";
import type { ShopPage } from "./shop-pages.js";

/** Paths owned by the API; the single-page app's fallback must never answer them with HTML. */
export const apiPathPrefixes = ["/trpc", "/auth", "/api", "/webhooks", "/uploads", "/healthz", "/readyz"];

const yearCache = { maxAge: "365d", immutable: true } as const;

/** The encodings the web build writes beside each file (apps/web/scripts/precompress.mjs), best first. */
const precompressed = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

/**
 * The offered encoding the client weighs highest (`q`), ties going to the first offered, so brotli
 * wins over gzip when a browser lists both as equals ("gzip, deflate, br"). None if the client
 * accepts none of them, or weighs them below the file as it is.
 */
function preferred<T extends { encoding: string }>(header: string | undefined, offered: readonly T[]): T | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: string) => weights.get(encoding) ?? weights.get("*") ?? 0;
  const identity = weights.get("identity") ?? weights.get("*") ?? 0.001;
  let best: T | undefined;
  for (const option of offered) if (weight(option.encoding) > 0 && weight(option.encoding) >= identity && (!best || weight(option.encoding) > weight(best.encoding))) best = option;
  return best;
}

/**
 * Hashed build assets, sent as the brotli or gzip file the build wrote beside them when the client
 * accepts it (no compression work per request), else as they are. Every answer says
 * `Vary: Accept-Encoding` so a shared cache never hands brotli to a client that cannot read it.
 */
function precompressedAssets(assetsDir: string): RequestHandler {
  // Built once and never changed while the server runs: list what exists instead of probing the disk per request.
  const available = new Set(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir) : []);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const name = req.path.slice(1);
    if (name.includes("/") || !available.has(name)) return next();
    res.vary("Accept-Encoding");
    const offered = precompressed.filter((p) => available.has(name + p.suffix));
    if (offered.length === 0) return next();
    const variant = preferred(req.headers["accept-encoding"], offered);
    if (!variant) return next();
    // The type of the original file, not of `.br`; send keeps a Content-Type already set.
    res.type(path.extname(name));
    res.sendFile(path.join(assetsDir, name + variant.suffix), { ...yearCache, headers: { "Content-Encoding": variant.encoding } }, (error) => {
      if (error) next(error);
    });
  };
}

/**
 * Serves the built web app: hashed assets cached for a year (precompressed where the build did so),
 * `index.html` revalidated on every load (its ETag makes that a 304 when nothing changed, and a
 * deploy is picked up at once), and every other GET that is not an API path answered with
 * `index.html` so the client-side router can take it. For the shop's public pages `pageFor` supplies
 * the title, description, canonical URL, preview tags and JSON-LD, written into the HTML on the server.
 */
export function webAppRoutes(distDir: string, pageFor: (req: express.Request) => Promise<ShopPage | null> = () => Promise.resolve(null)): Router {
  const indexFile = path.join(distDir, "index.html");
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The web app is not built: ${indexFile} is missing. Run "npm run build" first.`);
  }
  const template = fs.readFileSync(indexFile, "utf8");
  const routes = Router();
  const assetsDir = path.join(distDir, "assets");
  routes.use("/assets", precompressedAssets(assetsDir), express.static(assetsDir, { ...yearCache, fallthrough: false }));
  routes.use(express.static(distDir, { index: false, maxAge: "1h" }));
  routes.get("/{*splat}", async (req, res, next) => {
    if (apiPathPrefixes.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    try {
      const page = await pageFor(req);
      res.setHeader("Cache-Control", "no-cache");
      res.status(page?.status ?? 200).type("html").send(page ? withHead(template, page.head) : template);
    } catch (error) {
      next(error);
    }
  });
  return routes;
}
