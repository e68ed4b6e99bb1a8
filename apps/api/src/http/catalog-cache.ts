import zlib from "node:zlib";
import { available, onlyLeft, type CatalogVersion } from "@bbscart/core";
import type { Request, RequestHandler, Response } from "express";
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
  /** Every header the app set below `hits` (security headers, CORS, type, encoding, Vary), replayed as they were. */
  readonly headers: ReadonlyArray<readonly [string, number | string | string[]]>;
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

/** The two places the cache sits in the app (see {@link catalogResponseCache}). */
export interface CatalogCache {
  /** Answers a kept answer: mounted at the root, right after the access log, before every other layer. */
  readonly hits: RequestHandler;
  /** Keeps a miss's answer: mounted on `/trpc` after the headers every answer needs, before `responseCompression`. */
  readonly keep: RequestHandler;
}

/** What `hits` hands `keep` for a cacheable read it could not answer. */
interface Lookup {
  readonly key: string;
  readonly version: number;
  /** The headers already set when `hits` ran (the request id): the request's own, never part of an entry. */
  readonly before: ReadonlySet<string>;
}

/** Headers an entry never replays: the length is the stored body's own, and the cache states hit or miss itself. */
const NOT_REPLAYED = new Set(["content-length", "transfer-encoding", "x-cache"]);

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
 * A hit is answered in front of the app, as a caching proxy would (decision 158): `hits` sits right
 * after the access log, and replays the status, headers and bytes the layers below it produced for
 * the same URL, Accept-Encoding and Origin — the security headers, CORS (the only header that depends
 * on the request, through its Origin, hence the key), the type, and the compression `keep` saw
 * leaving (it sits before `responseCompression`, so a hit costs no compression CPU and a client that
 * accepts only gzip, or nothing, never gets brotli). An answer that sets a cookie is never kept.
 */
export function catalogResponseCache(source: CatalogCacheSource, maxEntries: number): CatalogCache {
  const { catalog } = source;
  const entries = new Map<string, Entry>();
  const pass: RequestHandler = (_req, _res, next) => next();
  if (!catalog || maxEntries === 0) return { hits: pass, keep: pass };
  const { stockOf } = catalog;
  const lookups = new WeakMap<Request, Lookup>();
  const versionNow = versionPerTurn(catalog);

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  const send = (res: Response, key: string, hit: Entry) => {
    remember(key, hit);
    for (const [name, value] of hit.headers) res.setHeader(name, value);
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

  const hits: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" || !req.path.startsWith("/trpc/")) return next();
    if (!req.path.slice("/trpc/".length).split(",").every((procedure) => cacheableCatalogReads.has(procedure))) return next();
    if (stockOf && filtersOnStock(req.originalUrl)) return next();
    const key = `${req.headers["accept-encoding"] ?? ""}\n${req.headers.origin ?? ""}\n${req.originalUrl}`;
    const version = versionNow();
    const miss = () => {
      lookups.set(req, { key, version, before: new Set(res.getHeaderNames()) });
      next();
    };
    const hit = entries.get(key);
    if (!hit || hit.version !== version) return miss();
    if (!hit.shown) return send(res, key, hit);
    stillShown(hit.shown).then((held) => (held ? send(res, key, hit) : miss()), next);
  };

  const keep: RequestHandler = (req, res, next) => {
    const lookup = lookups.get(req);
    if (!lookup) return next();
    res.setHeader("X-Cache", "miss");
    // Read alongside the query: a settings change moves the version, so a threshold newer than it is never served.
    const threshold = stockOf ? source.lowStockThreshold() : undefined;
    threshold?.catch(() => undefined);
    captureBody(res, (body) => {
      const header = res.getHeader("Content-Encoding");
      if (res.statusCode !== 200 || res.hasHeader("Set-Cookie") || typeof res.getHeader("Content-Type") !== "string") return;
      const headers = Object.entries(res.getHeaders()).flatMap(([name, value]) =>
        value === undefined || lookup.before.has(name) || NOT_REPLAYED.has(name) ? [] : [[name, value] as const],
      );
      const contentEncoding = typeof header === "string" ? header : undefined;
      const entry = { version: lookup.version, headers, contentEncoding, body };
      if (!threshold) return remember(lookup.key, entry);
      const facts = shownStock(decoded(body, contentEncoding));
      threshold.then((lowStockThreshold) => remember(lookup.key, { ...entry, shown: { facts, lowStockThreshold } }), () => undefined);
    });
    next();
  };

  return { hits, keep };
}

/**
 * The catalog version, read once per turn of the event loop rather than once per request (a prepared
 * read each time was a twentieth of a hit's CPU under load). It is as current as a read per request:
 * the requests answered in one turn were all read off their sockets in that turn's poll, so each had
 * arrived before the first of them read the version, and an answer of the state at that moment is
 * one the request could have got — commits of this process included, which finish inside the turn
 * only for writes whose callers have not been answered yet. The next turn reads it afresh
 * (`setImmediate` runs right after the poll).
 */
function versionPerTurn(catalog: CatalogVersion): () => number {
  let version: number | undefined;
  const forget = () => {
    version = undefined;
  };
  return () => {
    if (version === undefined) {
      version = catalog.current();
      setImmediate(forget);
    }
    return version;
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
