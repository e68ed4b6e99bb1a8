import zlib from "node:zlib";
import { available, onlyLeft, type CatalogVersion } from "@bbscart/core";
import type { NextFunction, RequestHandler, Response } from "express";
import { cacheableCatalogReads } from "../trpc/procedure-paths.js";

/** An availability fact an answer showed about one variant: in stock or not and, on a product page, its "only N left". */
interface ShownStock {
  readonly variantId: string;
  readonly inStock: boolean;
  /** Absent on listing cards, which do not show it. */
  readonly onlyLeft?: number | null;
}

interface Entry {
  /** The catalog version the answer was computed at (read before the query ran). */
  readonly version: number;
  readonly contentType: string;
  /** As sent: compressed by `responseCompression` when the request accepted it and the body was big enough. */
  readonly contentEncoding: string | undefined;
  readonly body: Buffer;
  /** Where the version does not follow availability (MongoDB): what the answer showed, checked on each hit. */
  readonly shown?: { readonly facts: readonly ShownStock[]; readonly lowStockThreshold: number };
}

/** What the cache reads: the catalog's version and, for the stock check, the low-stock threshold. */
export interface CatalogCacheSource {
  readonly catalog: CatalogVersion | undefined;
  readonly lowStockThreshold: () => Promise<number>;
}

/**
 * Answers repeated catalog reads on `/trpc` with the bytes computed the first time, as long as the
 * catalog has not changed since (decisions 104, 105) — by this process or any other sharing the
 * database. Browsing is most of a shop's traffic and most of it asks the same few pages: a hit skips
 * tRPC, validation, serialisation and the database, about four fifths of a catalog request's CPU.
 *
 * The key is the catalog's version, not "anything committed": orders change stock, not names, prices
 * or pictures, so a shop taking orders keeps its pages. What an answer shows about stock stays exact:
 * on SQLite the version itself moves when a shown fact changes (a variant sells out or comes back, or
 * its count moves at or below the low-stock threshold); on MongoDB, where that would put a write on the
 * checkout path, each answer keeps the facts it showed and a hit re-reads those variants' stock in one
 * indexed read, and lists filtered on stock (whose very rows follow it) are not kept.
 *
 * Correctness rests on reading the version *before* the query: an answer is only ever served while
 * the version it was stored under is still current, so a change committed while the answer was being
 * computed makes it a miss next time rather than a stale hit. Without a catalog version or with
 * `maxEntries` 0 nothing is cached. At most `maxEntries` answers are kept, least recently used first out.
 *
 * Mounted before `responseCompression`, it sees and keeps the bytes as they leave compressed, keyed by
 * the request's Accept-Encoding as well as its URL: a hit is sent as stored, so it costs no
 * compression CPU, and a client that accepts only gzip (or nothing) never gets brotli.
 */
export function catalogResponseCache(source: CatalogCacheSource, maxEntries: number): RequestHandler {
  const { catalog } = source;
  const entries = new Map<string, Entry>();
  if (!catalog || maxEntries === 0) return (_req, _res, next) => next();
  const { stockOf } = catalog;

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  const send = (res: Response, key: string, hit: Entry) => {
    remember(key, hit);
    res.setHeader("Content-Type", hit.contentType);
    res.setHeader("Vary", "Accept-Encoding");
    if (hit.contentEncoding) res.setHeader("Content-Encoding", hit.contentEncoding);
    res.setHeader("X-Cache", "hit");
    res.end(hit.body);
  };
  const stillShown = async (shown: NonNullable<Entry["shown"]>) => {
    if (shown.facts.length === 0) return true;
    const levels = await stockOf!(shown.facts.map((fact) => fact.variantId));
    return shown.facts.every((fact) => {
      const level = levels.get(fact.variantId);
      if (!level) return false;
      return available(level) > 0 === fact.inStock && (fact.onlyLeft === undefined || onlyLeft(level, shown.lowStockThreshold) === fact.onlyLeft);
    });
  };

  const miss = (res: Response, next: NextFunction, key: string, version: number) => {
    res.setHeader("X-Cache", "miss");
    // Read alongside the query: a settings change moves the version, so a threshold newer than it is never served.
    const threshold = stockOf ? source.lowStockThreshold() : undefined;
    threshold?.catch(() => undefined);
    captureBody(res, (body) => {
      const contentType = res.getHeader("Content-Type");
      const header = res.getHeader("Content-Encoding");
      if (res.statusCode !== 200 || typeof contentType !== "string") return;
      const contentEncoding = typeof header === "string" ? header : undefined;
      const entry = { version, contentType, contentEncoding, body };
      if (!threshold) return remember(key, entry);
      const facts = shownStock(decoded(body, contentEncoding));
      threshold.then((lowStockThreshold) => remember(key, { ...entry, shown: { facts, lowStockThreshold } }), () => undefined);
    });
    next();
  };

  return (req, res, next) => {
    if (req.method !== "GET" || !req.path.slice(1).split(",").every((procedure) => cacheableCatalogReads.has(procedure))) return next();
    if (stockOf && filtersOnStock(req.originalUrl)) return next();
    const key = `${req.headers["accept-encoding"] ?? ""}\n${req.originalUrl}`;
    const version = catalog.current();
    const hit = entries.get(key);
    if (!hit || hit.version !== version) return miss(res, next, key, version);
    if (!hit.shown) return send(res, key, hit);
    stillShown(hit.shown).then((held) => (held ? send(res, key, hit) : miss(res, next, key, version)), next);
  };
}

/** Whether a listing's input filters on stock: its rows then follow availability itself, not just their flags. */
function filtersOnStock(url: string): boolean {
  try {
    return /"inStock":\s*(true|false)/.test(decodeURIComponent(url));
  } catch {
    return true;
  }
}

/** The body as JSON text, undoing the compression it was sent with. */
function decoded(body: Buffer, contentEncoding: string | undefined): string {
  if (contentEncoding === "br") return zlib.brotliDecompressSync(body).toString();
  if (contentEncoding === "gzip") return zlib.gunzipSync(body).toString();
  if (contentEncoding === "deflate") return zlib.inflateSync(body).toString();
  return body.toString();
}

/**
 * Every shop variant an answer shows (`{ id, sku, inStock, onlyLeft? }` on cards and product pages),
 * wherever it sits in the tRPC envelope.
 */
function shownStock(json: string): ShownStock[] {
  const facts: ShownStock[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === "string" && typeof record.sku === "string" && typeof record.inStock === "boolean") {
      const left = record.onlyLeft;
      facts.push({ variantId: record.id, inStock: record.inStock, ...(typeof left === "number" || left === null ? { onlyLeft: left } : {}) });
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(JSON.parse(json));
  return facts;
}

/** Calls `done` with the whole body once the response ends, passing every chunk through unchanged. */
function captureBody(res: Response, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk);
    done(Buffer.concat(chunks));
    return end(chunk, ...rest);
  }) as Response["end"];
}
