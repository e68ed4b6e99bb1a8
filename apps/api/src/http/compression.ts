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
 * {@link WHOLE_ANSWER_MAX_BYTES} is compressed here in one synchronous call (decision 167). Only an
 * answer that starts otherwise — a piece written, the head written or flushed first (CSV exports,
 * static files), or a whole answer too big for one call — is handed to `compression`'s zlib stream,
 * installed at that moment (decision 174): its set-up (six closures, a `writeHead` hook, the same
 * checks made twice) cost every API answer ~20 µs of the ~35 µs bare Express spends on a request.
 */
export function responseCompression(thresholdBytes: number): RequestHandler {
  const streamed = compression({ threshold: thresholdBytes, brotli: { params: dynamicBrotliParams } });
  return (req, res, next) => {
    // Read, not bound: each is called later with the response as `this`, as Node and `compression` call them.
    const pending: Pending = {
      req,
      streamed,
      thresholdBytes,
      write: Reflect.get(res, "write") as Method,
      end: Reflect.get(res, "end") as Method,
      writeHead: Reflect.get(res, "writeHead") as Method,
      course: "undecided",
    };
    (res as Pended)[PENDING] = pending;
    res.write = writeInPieces as Response["write"];
    res.writeHead = headFirst as Response["writeHead"];
    res.end = endWhole as Response["end"];
    next();
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

/** A response's own methods as they were when it arrived here, and what deciding its encoding needs. */
interface Pending {
  readonly req: Request;
  readonly streamed: RequestHandler;
  readonly thresholdBytes: number;
  readonly write: Method;
  readonly end: Method;
  readonly writeHead: Method;
  /** "whole" once a whole answer is on its way (Node's own `writeHead` from within `end` passes through); "stream" once handed to `compression`. */
  course: "undecided" | "whole" | "stream";
}

const PENDING = Symbol("responseCompression");
type Pended = Response & { [PENDING]: Pending };
type Method = (...args: unknown[]) => unknown;

const noop = () => undefined;

/**
 * The answer will not be handed over whole: its methods go back to what they were, and `compression`
 * (which wraps them and hooks `writeHead`) takes it from here, exactly as if it had been installed first.
 * Nothing may wrap a response's methods after this middleware (nothing does): the methods put back
 * would drop such a wrapper.
 */
function toStream(res: Response, pending: Pending): void {
  pending.course = "stream";
  res.write = pending.write as Response["write"];
  res.end = pending.end as Response["end"];
  res.writeHead = pending.writeHead as Response["writeHead"];
  pending.streamed(pending.req, res, noop);
}

/** Called once decided (a reference kept from before): the response's method as it was. */
const original = (res: Pended, name: "write" | "end" | "writeHead", args: unknown[]) => res[PENDING][name].apply(res, args);

function writeInPieces(this: Pended, ...args: unknown[]): unknown {
  const pending = this[PENDING];
  if (pending.course !== "undecided") return original(this, "write", args);
  toStream(this, pending);
  return (this.write as Method)(...args);
}

function headFirst(this: Pended, ...args: unknown[]): unknown {
  const pending = this[PENDING];
  if (pending.course !== "undecided") return original(this, "writeHead", args);
  toStream(this, pending);
  return (this.writeHead as Method)(...args);
}

/**
 * `res.end(body)` with nothing written before: compressed here, in one call, when `compression`
 * would compress it, and handed on already encoded; otherwise sent as it is, with the `Vary` it
 * would have added. An answer too big for one call goes to the stream.
 */
function endWhole(this: Pended, chunk?: unknown, ...rest: unknown[]): unknown {
  const pending = this[PENDING];
  // Decided already, or a head sent by a path that bypassed this one: nothing can be added to it now.
  if (pending.course !== "undecided" || this.headersSent) return original(this, "end", [chunk, ...rest]);
  const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
  const method = wholeEncoding(pending, this, byteLength(chunk, encoding) ?? 0);
  if (method === "stream") {
    toStream(this, pending);
    return (this.end as Method)(chunk, ...rest);
  }
  pending.course = "whole";
  // Text sent as it is goes to the socket as text: turning it into bytes here would only do Node's work twice.
  const body = method ? asBuffer(chunk, encoding) : null;
  if (!body || !method) return original(this, "end", [chunk, ...rest]);
  const encoded =
    method === "br" ? zlib.brotliCompressSync(body, { params: dynamicBrotliParams }) : method === "gzip" ? zlib.gzipSync(body) : zlib.deflateSync(body);
  this.setHeader("Content-Encoding", method);
  this.setHeader("Content-Length", encoded.length);
  // The callback, if any, is the last argument (after the text's encoding, which no longer applies).
  const callback = rest.find((arg) => typeof arg === "function");
  return original(this, "end", callback ? [encoded, callback] : [encoded]);
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

/**
 * What `compression` decides for an answer of `length` bytes, step by step as it does when the head is
 * written (and with the same `Vary`): the encoding, null to send it as it is, or "stream" for an answer
 * it would compress that is too big for one call.
 */
function wholeEncoding(pending: Pending, res: Response, length: number): "br" | "gzip" | "deflate" | "stream" | null {
  const { req, thresholdBytes } = pending;
  if (!compression.filter(req, res)) return null;
  const cacheControl = res.getHeader("Cache-Control");
  if (typeof cacheControl === "string" && NO_TRANSFORM.test(cacheControl)) return null;
  res.vary("Accept-Encoding");
  const declared = res.getHeader("Content-Length");
  if (Number(declared) < thresholdBytes || (!declared && length < thresholdBytes)) return null;
  const current = res.getHeader("Content-Encoding");
  if (current !== undefined && current !== "identity") return null;
  if (req.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) return null;
  const method = new Negotiator(req).encoding(ENCODINGS, PREFERRED);
  if (method !== "br" && method !== "gzip" && method !== "deflate") return null;
  return length > WHOLE_ANSWER_MAX_BYTES ? "stream" : method;
}
