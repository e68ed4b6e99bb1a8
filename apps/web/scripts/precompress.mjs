#!/usr/bin/env node
/**
 * Runs after `vite build`: writes `<file>.br` and `<file>.gz` beside every compressible file in
 * `dist/assets/`, at the strongest settings, once per build. The API then sends those bytes as they are
 * (see apps/api/src/http/web.ts), so a shopper gets brotli-11 without the server spending a cycle
 * compressing on each request. Small files are skipped: below about 1 KB the headers outweigh the gain.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

// Only the hashed assets: index.html is rewritten per page by the server (head tags), then compressed there.
const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/assets");
const compressible = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
const minBytes = 1024;

/** @param {string} dir @returns {string[]} */
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

let before = 0;
let afterBr = 0;
for (const file of walk(assets).filter((f) => compressible.test(f))) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < minBytes) continue;
  const br = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gz = zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  before += bytes.length;
  afterBr += br.length;
}
process.stdout.write(`precompress: ${Math.round(before / 1024)} KB → ${Math.round(afterBr / 1024)} KB brotli (and .gz beside it)\n`);
