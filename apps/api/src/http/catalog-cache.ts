import type { RequestHandler, Response } from "express";

/**
 * Public catalog queries: their answer depends only on the URL (procedure and input) and on what
 * the database holds — never on who asks or on the time.
 */
const CACHEABLE = new Set(["catalog.list", "catalog.bySlug", "catalog.categories"]);

interface Entry {
  /** The database's data version the answer was computed at (read before the query ran). */
  readonly version: number;
  readonly contentType: string;
  /** As sent: compressed by `responseCompression` when the request accepted it and the body was big enough. */
  readonly contentEncoding: string | undefined;
  readonly body: Buffer;
}

/**
 * Answers repeated catalog reads on `/trpc` with the bytes computed the first time, as long as
 * nothing at all has been committed since — by this process or any other sharing the database
 * (`dataVersion`). Browsing is most of a shop's traffic and most of it asks the same few pages:
 * a hit skips tRPC, validation, serialisation and SQLite, about four fifths of a catalog request's CPU.
 *
 * Correctness rests on reading the version *before* the query: an answer is only ever served
 * while the version it was stored under is still current, so a commit made while the answer was
 * being computed makes it a miss next time rather than a stale hit. Any commit invalidates
 * everything (orders included); that is coarse but cannot miss a change. Without a data version
 * (MongoDB) or with `maxEntries` 0 nothing is cached. At most `maxEntries` answers are kept,
 * least recently used first out.
 *
 * Mounted before `responseCompression`, it sees and keeps the bytes as they leave compressed, keyed by
 * the request's Accept-Encoding as well as its URL: a hit is sent as stored, so it costs no
 * compression CPU, and a client that accepts only gzip (or nothing) never gets brotli.
 */
export function catalogResponseCache(dataVersion: (() => number) | undefined, maxEntries: number): RequestHandler {
  const entries = new Map<string, Entry>();
  if (!dataVersion || maxEntries === 0) return (_req, _res, next) => next();

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  return (req, res, next) => {
    if (req.method !== "GET" || !req.path.slice(1).split(",").every((procedure) => CACHEABLE.has(procedure))) return next();
    const key = `${req.headers["accept-encoding"] ?? ""}\n${req.originalUrl}`;
    const version = dataVersion();
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      remember(key, hit);
      res.setHeader("Content-Type", hit.contentType);
      res.setHeader("Vary", "Accept-Encoding");
      if (hit.contentEncoding) res.setHeader("Content-Encoding", hit.contentEncoding);
      res.setHeader("X-Cache", "hit");
      res.end(hit.body);
      return;
    }
    res.setHeader("X-Cache", "miss");
    captureBody(res, (body) => {
      const contentType = res.getHeader("Content-Type");
      const contentEncoding = res.getHeader("Content-Encoding");
      if (res.statusCode === 200 && typeof contentType === "string") {
        remember(key, { version, contentType, contentEncoding: typeof contentEncoding === "string" ? contentEncoding : undefined, body });
      }
    });
    next();
  };
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
