import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express, { Router, type Request, type RequestHandler, type Response } from "express";
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

/** Calls a procedure of the API in-process, as the anonymous visitor of this request. */
export type CallProcedure = (path: string, input: unknown) => Promise<unknown>;

/** What the web's server build (apps/web/src/entry-server.tsx, built to `dist/server/`) exports. */
interface FirstViewRenderer {
  renderFirstView(url: string, call: CallProcedure): Promise<{ html: string; stateScript: string } | null>;
}

/** The web's server build, if this build has one (it is loaded once, on the first page asked for). */
function loadRenderer(distDir: string): (() => Promise<FirstViewRenderer>) | null {
  const file = path.join(distDir, "server", "entry-server.js");
  if (!fs.existsSync(file)) return null;
  let loaded: Promise<FirstViewRenderer> | undefined;
  return () => (loaded ??= import(pathToFileURL(file).href) as Promise<FirstViewRenderer>);
}

const emptyRoot = '<div id="root"></div>';

/**
 * Serves the built web app: hashed assets cached for a year (precompressed where the build did so),
 * `index.html` revalidated on every load (its ETag makes that a 304 when nothing changed, and a
 * deploy is picked up at once), and every other GET that is not an API path answered with
 * `index.html` so the client-side router can take it. For the shop's public pages `pageFor` supplies
 * the title, description, canonical URL, preview tags and JSON-LD, written into the HTML on the server,
 * and their first view rendered into `#root` by the web's own components (decision 102) with the
 * answers it was drawn from, so the page paints before any JavaScript arrives. A page that cannot
 * be rendered complete is sent as before, for the browser to draw.
 */
export function webAppRoutes(
  distDir: string,
  pageFor: (req: Request) => Promise<ShopPage | null> = () => Promise.resolve(null),
  callerFor?: (req: Request, res: Response) => CallProcedure,
): Router {
  const indexFile = path.join(distDir, "index.html");
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The web app is not built: ${indexFile} is missing. Run "npm run build" first.`);
  }
  const template = fs.readFileSync(indexFile, "utf8");
  const renderer = callerFor ? loadRenderer(distDir) : null;
  const routes = Router();
  const assetsDir = path.join(distDir, "assets");
  routes.use("/assets", precompressedAssets(assetsDir), express.static(assetsDir, { ...yearCache, fallthrough: false }));
  const publicFiles = express.static(distDir, { index: false, maxAge: "1h" });
  // The server build lives beside the app but is the API's to run, not the browser's to download.
  routes.use((req, res, next) => (req.path.startsWith("/server/") ? next() : publicFiles(req, res, next)));
  routes.get("/{*splat}", async (req, res, next) => {
    if (apiPathPrefixes.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    try {
      const page = await pageFor(req);
      let html = page ? withHead(template, page.head) : template;
      if (page?.status === 200 && renderer && callerFor) {
        const view = await (await renderer()).renderFirstView(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, callerFor(req, res));
        if (view) html = html.replace(emptyRoot, () => `<div id="root">${view.html}</div>${view.stateScript}`);
      }
      res.setHeader("Cache-Control", "no-cache");
      res.status(page?.status ?? 200).type("html").send(html);
    } catch (error) {
      next(error);
    }
  });
  return routes;
}
