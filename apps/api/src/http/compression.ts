import zlib from "node:zlib";
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";
import Negotiator from "negotiator";

/**
 * Compresses dynamic answers (API JSON, the app's HTML, sitemaps) of at least `thresholdBytes` with
 * brotli, or gzip for clients that do not take brotli, and says `Vary: Accept-Encoding`. Brotli at
 * quality 4 costs about what gzip 6 does in CPU and still beats it on size; the strongest settings are
 * for files compressed once at build time (apps/web/scripts/precompress.mjs), not per request.
 * Answers that arrive already encoded (precompressed assets, catalog cache hits) and content types
 * that do not compress (images) pass through untouched.
 *
 * An answer handed over whole (`res.end(body)`, as every API answer is) of up to
 * {@link WHOLE_ANSWER_MAX_BYTES} is compressed in one synchronous call (decision 167); answers written
 * in pieces (CSV exports, static files) go through `compression`'s zlib stream, as before.
 */
export function responseCompression(thresholdBytes: number): RequestHandler {
  const streamed = compression({ threshold: thresholdBytes, brotli: { params: dynamicBrotliParams } });
  return (req, res, next) => {
    streamed(req, res, (error?: unknown) => {
      if (!error) compressWhole(req, res, thresholdBytes);
      next(error);
    });
  };
}

/**
 * Brotli's settings for answers compressed per request (the bench measures their CPU with these).
 * A 256 KiB window (`LGWIN` 18; brotli's default is 22, 4 MiB) holds any API answer whole, and the
 * encoder's buffers are set up per answer: with the default window the catalog page's misses with
 * brotli at 50 connections ran at 480 and 431 req/s, with this one 611 and 558 (alternated, decision 166).
 */
export const dynamicBrotliParams = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 };

/**
 * The largest answer compressed in one synchronous call. A zlib stream hands every piece to libuv's
 * threads, which on a 2-core VM cost more than compressing a catalog page (~50 µs) and kept up to one
 * encoder per answer in flight alive at once (~35 MiB at 50 connections); above this size the event
 * loop would stall for milliseconds, and the stream's threads are worth their cost.
 */
export const WHOLE_ANSWER_MAX_BYTES = 256 * 1024;

/** `compression`'s own choice: the client's highest quality, ties to brotli, then gzip. */
const ENCODINGS = ["br", "gzip", "deflate", "identity"];
const PREFERRED = { preferred: ["br", "gzip"] };
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;

/**
 * Wraps `res.end` (outside `compression`'s own wrapper) so an answer ended in one piece, with nothing
 * written before, is compressed here and handed on already encoded — `compression` then passes it
 * through untouched, as it does a catalog cache hit. Every condition `compression` checks is checked
 * the same way, so an answer is compressed exactly when it would have been.
 */
function compressWhole(req: Request, res: Response, thresholdBytes: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
    // A piece written before has sent the headers (`compression` writes them first) and chosen the stream.
    const length = res.headersSent ? null : byteLength(chunk, encoding);
    const method = length !== null && length >= thresholdBytes && length <= WHOLE_ANSWER_MAX_BYTES ? encodingFor(req, res) : null;
    // Text sent as it is goes to the socket as text: turning it into bytes here would only do Node's work twice.
    const body = method ? asBuffer(chunk, encoding) : null;
    if (!body || !method) return end(chunk, ...rest);
    const encoded =
      method === "br"
        ? zlib.brotliCompressSync(body, { params: dynamicBrotliParams })
        : method === "gzip"
          ? zlib.gzipSync(body)
          : zlib.deflateSync(body);
    res.vary("Accept-Encoding");
    res.setHeader("Content-Encoding", method);
    res.setHeader("Content-Length", encoded.length);
    // The callback, if any, is the last argument (after the text's encoding, which no longer applies).
    const callback = rest.find((arg) => typeof arg === "function");
    return callback ? end(encoded, callback) : end(encoded);
  }) as Response["end"];
}

/** How many bytes `chunk` is on the wire, without encoding it; null for what `res.end` was not given as a body. */
function byteLength(chunk: unknown, encoding: BufferEncoding | undefined): number | null {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, encoding);
  return chunk instanceof Uint8Array ? chunk.byteLength : null;
}

function asBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, encoding);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/** The encoding `compression` would give this answer, or null where it would send it as it is. */
function encodingFor(req: Request, res: Response): "br" | "gzip" | "deflate" | null {
  if (req.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) return null;
  if (!compression.filter(req, res)) return null;
  const cacheControl = res.getHeader("Cache-Control");
  if (typeof cacheControl === "string" && NO_TRANSFORM.test(cacheControl)) return null;
  const current = res.getHeader("Content-Encoding");
  if (current !== undefined && current !== "identity") return null;
  const method = new Negotiator(req).encoding(ENCODINGS, PREFERRED);
  return method === "br" || method === "gzip" || method === "deflate" ? method : null;
}
