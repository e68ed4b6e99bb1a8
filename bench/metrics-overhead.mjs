#!/usr/bin/env node
/**
 * `node bench/metrics-overhead.mjs`: what metrics (ADR 051) add to the hot path, in-process, so a
 * loaded machine's noise does not swamp it. Units of work on one SQLite store (synchronous=NORMAL,
 * so the fsync does not hide the cost) run interleaved without an observer and with the metrics
 * observer; then the per-request work of the HTTP middleware (route template + histogram observe).
 * Prints microseconds per unit of work and nanoseconds per request (medians of rounds).
 *
 *   node bench/metrics-overhead.mjs [--units N] [--requests N] [--rounds N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/paths.mjs";
import { load } from "./lib/scale.mjs";

const { values: flags } = parseArgs({
  options: { units: { type: "string", default: "5000" }, requests: { type: "string", default: "200000" }, rounds: { type: "string", default: "7" } },
});
const units = Number(flags.units);
const requests = Number(flags.requests);
const rounds = Number(flags.rounds);

const { openDatabase } = await load("@bbscart/db");
/** The built API's own modules (run `npx turbo run build --filter=@bbscart/api` first). */
const fromApi = (file) => import(pathToFileURL(path.join(repoRoot, "apps/api/dist", file)).href);
const { Metrics } = await fromApi("metrics/metrics.js");
const { routeTemplate } = await fromApi("http/metrics.js");

const metrics = new Metrics("bench-scrape-token-0123456789");
const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-metrics-off-")), fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-metrics-on-"))];
const plain = await openDatabase({ dataDir: dirs[0], sqliteSynchronous: "NORMAL" });
const observed = await openDatabase({ dataDir: dirs[1], sqliteSynchronous: "NORMAL", observer: metrics.database("sqlite") });
try {
  /** One small write transaction, as a cart save or a stock adjustment is. */
  const unit = (db, i) => db.uow.run((repos) => repos.ledger.credit(`wallet:user-${i % 100}`, { minor: 1, currency: "INR" }));
  /** @param {(i: number) => Promise<unknown> | unknown} work @param {number} n @param {number} scale */
  const time = async (work, n, scale) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await work(i);
    return Number(process.hrtime.bigint() - started) / scale / n;
  };
  const procedures = new Set(["catalog.list", "order.place"]);
  const requestsOf = [
    { originalUrl: "/trpc/catalog.list?input=%7B%7D", method: "GET", baseUrl: "", route: undefined, res: { locals: {} } },
    { originalUrl: "/api/v1/products/cotton-kurta", method: "GET", baseUrl: "/api/v1", route: undefined, res: { locals: { routeTemplate: "/api/v1/products/{slug}" } } },
  ];
  /** @param {number} i */
  const request = (i) => {
    const req = /** @type {(typeof requestsOf)[number]} */ (requestsOf[i % 2]);
    metrics.observeRequest({ method: req.method, route: routeTemplate(req, req.res, procedures), statusClass: "2xx" }, 0.001);
  };
  /** @type {{ off: number[]; on: number[]; http: number[] }} */
  const results = { off: [], on: [], http: [] };
  for (let round = 0; round < rounds; round++) {
    results.off.push(await time((i) => unit(plain, i), units, 1000));
    results.on.push(await time((i) => unit(observed, i), units, 1000));
    results.http.push(await time(request, requests, 1));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const off = median(results.off);
  const on = median(results.on);
  process.stdout.write(`unit of work, no observer       ${off.toFixed(2)} µs\n`);
  process.stdout.write(`unit of work, metrics observer  ${on.toFixed(2)} µs  (${on >= off ? "+" : ""}${(on - off).toFixed(2)} µs, ${units} units × ${rounds} rounds, SQLite NORMAL)\n`);
  process.stdout.write(`HTTP middleware per request     ${median(results.http).toFixed(0)} ns  (route template + histogram observe, ${requests} × ${rounds})\n`);
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}\n`);
} finally {
  await plain.close();
  await observed.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
