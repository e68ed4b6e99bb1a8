import zlib from "node:zlib";
import compression from "compression";
import type { RequestHandler } from "express";

/**
 * Compresses dynamic answers (API JSON, the app's HTML, sitemaps) of at least `thresholdBytes` with
 * brotli, or gzip for clients that do not take brotli, and says `Vary: Accept-Encoding`. Brotli at
 * quality 4 costs about what gzip 6 does in CPU and still beats it on size; the strongest settings are
 * for files compressed once at build time (apps/web/scripts/precompress.mjs), not per request.
 * Answers that arrive already encoded (precompressed assets, catalog cache hits) and content types
 * that do not compress (images) pass through untouched.
 */
export function responseCompression(thresholdBytes: number): RequestHandler {
  return compression({ threshold: thresholdBytes, brotli: { params: dynamicBrotliParams } });
}

/**
 * Brotli's settings for answers compressed per request (the bench measures their CPU with these).
 * A 256 KiB window (`LGWIN` 18; brotli's default is 22, 4 MiB) holds any API answer whole, and the
 * encoder's buffers are set up per answer: with the default window the catalog page's misses with
 * brotli at 50 connections ran at 480 and 431 req/s, with this one 611 and 558 (alternated, decision 166).
 */
export const dynamicBrotliParams = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 };
