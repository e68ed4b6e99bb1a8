/**
 * The CPU one compression of an API answer costs, measured directly: the catalog page's exact
 * bytes compressed over and over with the API's own per-request settings (brotli, from
 * apps/api/src/http/compression.ts) and with gzip at the `compression` package's default level (for
 * clients without brotli), timing this process's CPU (user + system), not the wall clock — so
 * other load on the machine slows it down without inflating the figure much.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { repoRoot } from "./paths.mjs";

/** @param {Buffer} bytes @param {(b: Buffer) => Buffer} compress @param {number} seconds */
function cpuPerCall(bytes, compress, seconds) {
  for (let i = 0; i < 20; i++) compress(bytes); // warm-up
  const start = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let calls = 0;
  let out = bytes;
  while (performance.now() < until) {
    out = compress(bytes);
    calls++;
  }
  const used = process.cpuUsage(start);
  return { us: (used.user + used.system) / calls, outBytes: out.length, calls };
}

/** @param {string} payloadFile the catalog page as the API sends it uncompressed @param {number} seconds per encoding */
export async function compressionCpu(payloadFile, seconds = 2) {
  const { dynamicBrotliParams } = await import(pathToFileURL(path.join(repoRoot, "apps/api/dist/http/compression.js")).href);
  const bytes = fs.readFileSync(payloadFile);
  const brotli = cpuPerCall(bytes, (b) => zlib.brotliCompressSync(b, { params: dynamicBrotliParams }), seconds);
  const gzip = cpuPerCall(bytes, (b) => zlib.gzipSync(b), seconds);
  return { inBytes: bytes.length, brotliQuality: dynamicBrotliParams[zlib.constants.BROTLI_PARAM_QUALITY], brotli, gzip };
}
