#!/usr/bin/env node
/**
 * `npm run bench`: the API against the physical limit, in the same run, on loopback.
 *
 *   npm run bench                 3 rounds, 3 s warm-up + 10 s measured per target, plus the catalog-size study
 *   npm run bench -- --quick      1 round, 1 s + 3 s, 50 connections only, small catalog-size study (a smoke run)
 *   npm run bench -- --json       machine-readable result on stdout (progress goes to stderr)
 *
 *   npm run bench -- --only web   the shop in headless Chromium as a phone on slow 4G sees it (see lib/web.mjs)
 *   npm run bench -- --only history             a year of history at 10,000 and 100,000 orders (lib/history-target.mjs)
 *   npm run bench -- --only history --history-full   … and at 1,000,000 orders (an hour or more of generation, ~20 GB of disk)
 *   npm run bench -- --only mixed                the catalog page alone, then while paced shoppers place ~50 orders/s
 *   npm run bench -- --api-root DIR              every API process (and the seed) from DIR's build: before/after runs
 *
 * Beside the API the bench runs the worker's outbox doorbell (lib/doorbell.mjs) on the load core,
 * as a shop runs a worker: the API rings it after a commit instead of adding the jobs (decision 169).
 *
 * Compression: `catalog-list-br` and `catalog-uncached-br` ask for the catalog page as a browser
 * does (Accept-Encoding: br); against `catalog-list` and `catalog-uncached` they give the CPU per
 * request compressing costs on a miss and on a hit, and lib/compress-cost.mjs times the compression
 * of the same page alone.
 *
 * The catalog-size study: --scale-sizes 200,20000 (default 200,2000,20000; --quick 200,2000) and
 * --scale-targets id,id (catalog-list, category+price-sort, search, search-typo; default all) measure
 * only those; with --only none the study runs alone. `search-typo` searches a misspelt word that only
 * the spelling correction finds (decision 146): its cost against `search` is what forgiving typos costs.
 *
 * Other flags: --only id,id (e.g. sqlite-loop,checkout,web), --web-runs N (loads per page, default 5),
 * --web-root DIR (measure the built checkout in DIR instead of this one: before/after tables), --rounds N, --warmup S, --duration S, --connections 1,50, --no-scale, --no-build,
 * --svg FILE (default docs/performance.svg on full runs, none on --quick), --out FILE (also write the
 * JSON result there), --keep (keep the temp dir), --no-history (skip the history target),
 * --history-sizes N,N (orders per size; --quick: one store of 500 orders and 2,000 customers).
 * See docs/performance.md for the method.
 */
import { spawnSync } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measure, settle } from "./lib/load.mjs";
import { apiServer, repoRoot, useApiRoot } from "./lib/paths.mjs";
import { freePort, hasTaskset, machineLoad, pinned, SERVER_CORE, start, stop, waitForHttp } from "./lib/procs.mjs";
import { compressionCpu } from "./lib/compress-cost.mjs";
import { addRatios, compressionCost, goals, renderSvg, renderText, summarise } from "./lib/report.mjs";
import { growCatalog } from "./lib/scale.mjs";
import { withHeapSettings } from "../scripts/heap.mjs";
import { ADDRESS, SEARCH_TYPO, apiEnv, freshTokens, prepareStore, seedDemoStore, startApi, startDoorbell } from "./lib/store.mjs";
import { renderHistoryText, runHistoryTarget } from "./lib/history-target.mjs";
import { mutationBody, query, queryPath } from "./lib/trpc.mjs";
import { benchWeb, renderWebText, WEB_GOALS, WEB_PROFILE } from "./lib/web.mjs";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    rounds: { type: "string" },
    warmup: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    "no-scale": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    svg: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
    "web-runs": { type: "string" },
    "web-root": { type: "string" },
    "scale-sizes": { type: "string" },
    "scale-targets": { type: "string" },
    "no-history": { type: "boolean", default: false },
    "history-full": { type: "boolean", default: false },
    "history-sizes": { type: "string" },
    "api-root": { type: "string" },
  },
});
if (flags["api-root"]) useApiRoot(path.resolve(flags["api-root"]));
const quick = flags.quick;
const rounds = Number(flags.rounds ?? (quick ? 1 : 3));
const warmupS = Number(flags.warmup ?? (quick ? 1 : 3));
const durationS = Number(flags.duration ?? (quick ? 3 : 10));
// --quick measures at 50 connections only: every goal is judged there, and the 1-connection rows
// (the latency floor) would take a third of the smoke run.
const connections = (flags.connections ?? (quick ? "50" : "1,50")).split(",").map(Number);
const scaleSizes = flags["scale-sizes"] ? flags["scale-sizes"].split(",").map(Number) : quick ? [200, 2_000] : [200, 2_000, 20_000];
const scaleTargets = flags["scale-targets"] ? new Set(flags["scale-targets"].split(",")) : null;
const scaleConnections = Math.max(...connections);
const svgFile = flags.svg ?? (quick ? null : path.join(repoRoot, "docs/performance.svg"));
const log = (line) => process.stderr.write(`bench: ${line}\n`);

if (
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  !(durationS > 0) ||
  !(warmupS >= 0) ||
  [...connections, ...scaleSizes].some((n) => !Number.isInteger(n) || n < 1)
) {
  process.stderr.write("bench: --rounds, --warmup, --duration, --connections and --scale-sizes must be positive numbers\n");
  process.exit(2);
}

const only = flags.only ? new Set(flags.only.split(",")) : null;
// The history target: 10,000 and 100,000 orders (1,000,000 opt-in, for time); --quick one tiny store,
// whose figures are shown but judge no growth.
const historySizes = (flags["history-sizes"] ?? (quick ? "500" : flags["history-full"] ? "10000,100000,1000000" : "10000,100000")).split(",").map(Number);
const historyCustomers = quick ? 2_000 : 50_000;
const historyWanted = !flags["no-history"] && (!only || only.has("history"));
if (historySizes.some((n) => !Number.isInteger(n) || n < 100)) {
  process.stderr.write("bench: --history-sizes must be whole numbers of orders, at least 100 each\n");
  process.exit(2);
}
const webRuns = Number(flags["web-runs"] ?? (quick ? 2 : 5));
if (!Number.isInteger(webRuns) || webRuns < 1) {
  process.stderr.write("bench: --web-runs must be a positive integer\n");
  process.exit(2);
}

// Another checkout's API (--api-root) is measured as it was built there.
if (!flags["no-build"] && !flags["api-root"]) {
  log(only?.has("web") ? "building the API and the web app (turbo)" : "building the API (turbo)");
  const filters = ["--filter=@bbscart/api", ...(only?.has("web") ? ["--filter=@bbscart/web"] : [])];
  const built = spawnSync("npx", ["turbo", "run", "build", ...filters, "--output-logs=errors-only"], {
    cwd: repoRoot,
    stdio: ["ignore", 2, 2], // turbo's output goes to stderr, so --json keeps stdout clean
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!hasTaskset) log("taskset or a second core is missing: server and load tool are not pinned");
const { hasWrk } = await import("./lib/load.mjs");
if (!hasWrk) log("wrk is not installed (apt-get install -y wrk): GET targets use autocannon, whose own CPU limits what it can measure");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-bench-"));
const redisPrefix = `bbscart-bench-${process.pid}`;
const startedAt = new Date().toISOString();
const loadBefore = os.loadavg()[0];

let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  await deleteRedisKeys(redisPrefix).catch((error) => log(`could not remove Redis keys ${redisPrefix}:*: ${error.message}`));
  if (!flags.keep) fs.rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}

/** Removes only this run's keys (SCAN + DEL on our own prefix; the shared Redis is never flushed). */
async function deleteRedisKeys(prefix) {
  const { createRequire } = await import("node:module");
  const Redis = createRequire(path.join(repoRoot, "apps/api/package.json"))("ioredis");
  const { parseEnv } = await import(path.join(repoRoot, "apps/api/dist/env.js"));
  const redis = new (Redis.default ?? Redis)(parseEnv({ ...process.env, REDIS_PREFIX: prefix }).REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    for (const child of children) child.kill("SIGKILL");
    await cleanup();
    process.exit(130);
  });
}

/** Runs `fn` with a server child that is always stopped afterwards. */
async function withServer(startServer, fn) {
  const server = await startServer();
  children.add(server.child);
  try {
    return await fn(server);
  } finally {
    await stop(server.child);
    children.delete(server.child);
  }
}

/**
 * The `web` target: a demo store seeded into its own data directory, served by the built API with
 * the built web app (of this checkout, or of `--web-root`), measured by lib/web.mjs.
 */
async function runWebTarget() {
  const root = flags["web-root"] ? path.resolve(flags["web-root"]) : repoRoot;
  const webStore = { dir, dataDir: path.join(dir, "web-data"), redisPrefix };
  seedDemoStore(webStore);
  const port = await freePort();
  const logFile = path.join(dir, "api-web.log");
  const env = withHeapSettings({ ...process.env, ...apiEnv(webStore, port, { WEB_DIST_DIR: path.join(root, "apps/web/dist") }) });
  const child = start(pinned(SERVER_CORE, [process.execPath, path.join(root, "apps/api/dist/server.js")]), { env, logFile, cwd: root });
  children.add(child);
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/healthz`, child, { logFile });
    const category = (await query(baseUrl, "catalog.categories", undefined)).data[0];
    const product = (await query(baseUrl, "catalog.list", { limit: 1, sort: "name_asc" })).data.items[0];
    const pages = [
      { name: "home", path: "/" },
      { name: "category", path: `/search?category=${encodeURIComponent(category.slug)}` },
      { name: "product", path: `/p/${encodeURIComponent(product.slug)}` },
    ];
    log(`web: measuring ${root === repoRoot ? "this checkout" : root}, ${webRuns} cold loads per page`);
    return { root, rows: await benchWeb({ baseUrl, pages, runs: webRuns, log }) };
  } finally {
    await stop(child);
    children.delete(child);
  }
}

async function startBaseline(kind) {
  const port = await freePort();
  const logFile = path.join(dir, `baseline-${kind}.log`);
  const child = start(pinned(SERVER_CORE, [process.execPath, path.join(repoRoot, "bench/baselines/http-server.mjs"), kind, String(port), store.payloadFile]), { logFile });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, { logFile });
  return { child, port, baseUrl: `http://127.0.0.1:${port}` };
}

function runSqliteLoop(round) {
  const config = { dbFile: store.loopDb, synchronous: "FULL", warmupS, durationS, iterationStart: 36 ** 5 * (round + 1), ...store.checkoutTrace };
  const argv = pinned(SERVER_CORE, [process.execPath, path.join(repoRoot, "bench/baselines/sqlite-loop.mjs"), JSON.stringify(config)]);
  const out = spawnSync(argv[0], argv.slice(1), { cwd: repoRoot, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const line = out.stdout.split("\n").find((l) => l.startsWith("LOOP_JSON "));
  if (!line) throw new Error(`sqlite loop gave no result: ${out.stderr}`);
  const r = JSON.parse(line.slice(10));
  if (r.firstError || r.errors) log(`sqlite loop: ${r.errors} iterations did not write what the trace did (first error: ${r.firstError ?? "a row count differed"}) — its rate is not a valid floor`);
  return { rate: r.rps, unit: "iter/s", p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors, timeouts: 0, rssPeak: r.rssPeak, serverCpu: r.cpu, tool: null };
}

function row(target, kind, conns, m, extra = {}) {
  return {
    target,
    kind,
    connections: conns,
    unit: "req/s",
    rate: m.rps,
    reqPerS: m.rps,
    p50Ms: m.p50Ms,
    p99Ms: m.p99Ms,
    errors: (m.errors ?? 0) + (m.non2xx ?? 0),
    timeouts: m.timeouts ?? 0,
    wireBytes: m.bytesPerResponse,
    rssPeak: m.rssPeak,
    serverCpu: m.serverCpu,
    tool: m.tool,
    toolCpu: m.toolCpu,
    toolSaturated: m.toolSaturated,
    ...extra,
  };
}

const measureGet = (server, pathAndQuery, conns, headers = {}) => measure({ server: server.child, url: server.baseUrl + pathAndQuery, connections: conns, warmupS, durationS, headers });

// ---------------------------------------------------------------------------------------------
log(`temporary folder ${dir}; Redis prefix ${redisPrefix}`);
let web = null;
if (only?.has("web")) {
  try {
    web = await runWebTarget();
  } catch (error) {
    await cleanup();
    throw error;
  }
}
/** The seeded store the targets share (lib/store.mjs), once prepared; `--only history` runs without one. */
let store = null;
/** The history target (lib/history-target.mjs): its own stores, one per size, measured once (not per round). */
async function runHistory() {
  try {
    return await runHistoryTarget({ dir, redisPrefix, sizes: historySizes, customers: historyCustomers, heavy: 50, warmupS: quick ? 0.5 : warmupS, durationS: quick ? 1 : durationS, log, children, seeded: store?.seeded });
  } catch (error) {
    for (const child of children) child.kill("SIGKILL");
    await cleanup();
    throw error;
  }
}
const historyPasses = (history) => !history || history.goals.every((g) => g.ok !== false);
if (only && [...only].every((id) => id === "web" || id === "history")) {
  const onlyHistory = historyWanted ? await runHistory() : null;
  await cleanup();
  const meta = { startedAt, finishedAt: new Date().toISOString(), machine: machineLoad(), loadBefore, loadAfter: os.loadavg()[0] };
  const result = { meta: web ? { ...meta, profile: WEB_PROFILE, goals: WEB_GOALS, root: web.root } : meta, ...(web ? { web: web.rows } : {}), ...(onlyHistory ? { history: onlyHistory } : {}) };
  if (flags.out) fs.writeFileSync(flags.out, `${JSON.stringify(result, null, 2)}\n`);
  const text = [web ? renderWebText(web.rows) : null, onlyHistory ? renderHistoryText(onlyHistory) : null].filter(Boolean).join("\n\n");
  process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${text}\n`);
  process.exit((!web || web.rows.every((r) => r.pass.js && r.pass.lcp && r.pass.cls)) && historyPasses(onlyHistory) ? 0 : 1);
}
/** A shop runs a worker beside its API; its doorbell adds the jobs the API rings for (decision 169, lib/doorbell.mjs). */
let doorbell;
try {
  store = await prepareStore({ dir, redisPrefix, shoppers: Math.max(...connections), log });
  doorbell = await startDoorbell(store);
  if (doorbell) children.add(doorbell);
} catch (error) {
  await cleanup();
  throw error;
}
const listPath = queryPath("catalog.list", store.catalogInput);
const slugPath = queryPath("catalog.bySlug", { slug: store.slug });
const searchPath = queryPath("catalog.list", store.searchInput);

const plan = [];
for (const c of connections) plan.push({ id: "node-http", conns: c });
for (const c of connections) plan.push({ id: "express", conns: c });
plan.push({ id: "sqlite-loop", conns: null });
for (const c of connections) plan.push({ id: "catalog-list", conns: c }, { id: "catalog-uncached", conns: c }, { id: "product-by-slug", conns: c }, { id: "search", conns: c });
// The catalog page again, asked as a browser asks (Accept-Encoding: br): compression's CPU cost on a
// miss, and none on a hit (the answer cache keeps the compressed bytes, decision 100).
for (const c of connections) plan.push({ id: "catalog-list-br", conns: c }, { id: "catalog-uncached-br", conns: c });
for (const c of connections) plan.push({ id: "checkout", conns: c });
// Browsing while others buy (decision 104): the catalog page alone, then with paced shoppers, on one server.
plan.push({ id: "mixed", conns: Math.max(...connections) });

if (only) plan.splice(0, plan.length, ...plan.filter((p) => only.has(p.id)));

async function runOne({ id, conns }, round) {
  switch (id) {
    case "node-http":
    case "express":
      return withServer(
        () => startBaseline(id === "node-http" ? "node" : "express"),
        async (server) => row(id, "baseline", conns, await measureGet(server, listPath, conns), { bodyBytes: store.catalogBytes }),
      );
    case "sqlite-loop":
      return { target: id, kind: "baseline", connections: null, ...runSqliteLoop(round) };
    case "catalog-list":
    case "catalog-uncached":
    case "product-by-slug":
    case "search":
    case "catalog-list-br":
    case "catalog-uncached-br": {
      const target = {
        "catalog-list": [listPath, store.catalogBytes],
        "catalog-uncached": [listPath, store.catalogBytes],
        "product-by-slug": [slugPath, store.slugBytes],
        search: [searchPath, store.searchBytes],
        "catalog-list-br": [listPath, store.catalogBytes],
        "catalog-uncached-br": [listPath, store.catalogBytes],
      }[id];
      // The same page with the answer cache off: the work every cache miss does.
      const extraEnv = id.startsWith("catalog-uncached") ? { CATALOG_CACHE_ENTRIES: "0" } : {};
      const headers = id.endsWith("-br") ? { "Accept-Encoding": "br" } : {};
      return withServer(
        () => startApi(store, { label: `api-${id}-${conns}-r${round}`, extraEnv }),
        async (server) =>
          id === "catalog-uncached"
            ? runBesideExpress(server, target[0], conns, target[1])
            : row(id, "read", conns, await measureGet(server, target[0], conns, headers), { bodyBytes: target[1] }),
      );
    }
    case "checkout":
      return withServer(
        () => startApi(store, { label: `api-checkout-${conns}-r${round}` }),
        async (server) => {
          const tokens = await freshTokens(store, server.baseUrl, conns);
          const m = await measure({
            server: server.child,
            url: server.baseUrl,
            connections: conns,
            warmupS,
            durationS,
            mode: "checkout",
            checkout: { tokens, address: ADDRESS, deliveryOptionId: "standard", cartAddBody: mutationBody({ variantId: store.variantId, quantity: 1 }) },
          });
          if (m.failureSample) log(`checkout@${conns}: first failure: ${m.failureSample}`);
          return row(id, "checkout", conns, m, {
            unit: "orders/s",
            rate: m.ordersPerS,
            p50Ms: m.iterationP50Ms,
            p99Ms: m.iterationP99Ms,
            requestP50Ms: m.p50Ms,
            requestP99Ms: m.p99Ms,
            // Every non-2xx answer is also a failed cart.add or order.place; an order.place answered 200 but not confirmed counts too.
            errors: (m.errors ?? 0) + m.failedCart + m.failedOrder,
            bodyBytes: null,
          });
        },
      );
    case "mixed":
      return withServer(
        () => startApi(store, { label: `api-mixed-${conns}-r${round}` }),
        (server) => runMixed(server, conns),
      );
  }
  throw new Error(`unknown target ${id}`);
}

/**
 * Length of one window of `catalog-uncached` and of bare Express beside it (decision 176): as the mixed
 * target's, long enough that a window's start (fresh connections, a server idle since the settle) stays
 * out of the p99; wrk takes whole seconds.
 */
const BESIDE_WINDOW_S = quick ? 1 : 5;

/**
 * `catalog-uncached` judged against bare Express in interleaved windows (decision 176), as the mixed
 * target judges buying against alone (decision 159): its goal is a ratio to bare Express, and on this
 * VM two 10 s runs measured ~30 s apart put one build at 18–25 % of Express within twenty minutes.
 * After both servers' warm-up (three times the other targets'), pairs of `BESIDE_WINDOW_S` windows, one on each server, in mirrored
 * order (Express-API, API-Express, …) until each side has had about `durationS`. The row is the API's
 * (rates totalled over its windows, p50 the median, p99 the mean of the windows'); `expressRate` is
 * Express's total over its windows, and the ratio is taken against it instead of the round's
 * `express` row. Both servers stay pinned to the server core; the idle one takes no CPU.
 * @param {{ child: import("./lib/procs.mjs").Child; baseUrl: string }} api
 * @param {string} pathAndQuery
 * @param {number} conns
 * @param {number} bodyBytes
 */
async function runBesideExpress(api, pathAndQuery, conns, bodyBytes) {
  return withServer(
    () => startBaseline("express"),
    async (express) => {
      const window = (server, seconds) => measure({ server: server.child, url: server.baseUrl + pathAndQuery, connections: conns, warmupS: 0, durationS: seconds });
      // Warm-up as long as the mixed target's (decision 164): the API's rate still climbs for ~8 s after
      // it starts (V8 optimising the hundreds of functions a page runs), bare Express's for ~2 s.
      for (const server of [express, api]) {
        if (warmupS > 0) await window(server, 3 * warmupS);
        await settle(server.child.pid);
      }
      const apiWindows = [];
      const expressWindows = [];
      const pairs = Math.max(2, Math.round(durationS / BESIDE_WINDOW_S));
      for (let pair = 0; pair < pairs; pair++) {
        for (const side of pair % 2 === 0 ? ["express", "api"] : ["api", "express"]) {
          const server = side === "api" ? api : express;
          const m = await window(server, BESIDE_WINDOW_S);
          await settle(server.child.pid);
          (side === "api" ? apiWindows : expressWindows).push(m);
        }
      }
      log(`  beside Express: API ${apiWindows.map((m) => Math.round(m.rps)).join(", ")} req/s; Express ${expressWindows.map((m) => Math.round(m.rps)).join(", ")} req/s`);
      return row("catalog-uncached", "read", conns, pooledWindows(apiWindows), { bodyBytes, expressRate: windowsTotal(expressWindows).rps, windows: pairs });
    },
  );
}

/** The mixed target's shoppers: enough connections that a slow order never holds the pace back. */
const MIXED_SHOPPERS = 10;
/** Orders per second the shoppers are paced at (two requests each); the goal asks for at least 40. */
const MIXED_ORDERS_PER_S = 50;
/** Length of one measured window of the mixed target (alone or while buying); wrk's connections open before it starts (decision 160), so 5 s is about a steady rate, not about diluting a start. */
const MIXED_WINDOW_S = quick ? 1 : 5;
/** How long the shoppers of a window run before its catalog measurement starts: their process starts and reaches its pace. */
const MIXED_LEAD_S = 1;

/**
 * The share of catalog answers served from the answer cache while the shoppers buy: one probe
 * request every 20 ms until `untilMs` (a figure that, unlike the rates, a busy machine cannot blur).
 * @param {string} url
 * @param {number} untilMs
 */
async function cacheHits(url, untilMs) {
  // fetch asks with its own Accept-Encoding, a key of its own in the cache: the first answer fills it.
  await (await fetch(url)).arrayBuffer();
  let hits = 0;
  let asked = 0;
  while (performance.now() < untilMs) {
    const answer = await fetch(url);
    await answer.arrayBuffer();
    asked += 1;
    if (answer.headers.get("x-cache") === "hit") hits += 1;
    await delay(20);
  }
  return { hits, asked };
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/** Requests and rate over several measured windows: all their requests over all their seconds. */
const windowsTotal = (runs) => {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.requests / r.rps, 0);
  return { requests, rps: requests / seconds };
};

/**
 * A p99 over several windows, from each window's p99 (the load tools report percentiles, not their
 * histograms): their mean. It comes closer to the p99 of all the windows' requests than the median,
 * which would hide a window with a long tail — a p99 is about the tail.
 */
const pooledP99 = (values) => {
  const known = values.filter((v) => typeof v === "number");
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

/**
 * Several wrk windows on one server as one measurement: rates totalled, p50 the median of the windows',
 * p99 pooled (above), errors summed, the peak RSS and the load tool's CPU the highest, the server's CPU
 * the mean.
 */
const pooledWindows = (runs) => ({
  ...windowsTotal(runs),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: pooledP99(runs.map((r) => r.p99Ms)),
  errors: runs.reduce((n, r) => n + (r.errors ?? 0), 0),
  non2xx: runs.reduce((n, r) => n + (r.non2xx ?? 0), 0),
  timeouts: runs.reduce((n, r) => n + (r.timeouts ?? 0), 0),
  bytesPerResponse: runs[0].bytesPerResponse,
  rssPeak: Math.max(...runs.map((r) => r.rssPeak ?? 0)),
  serverCpu: runs.reduce((n, r) => n + r.serverCpu, 0) / runs.length,
  tool: "wrk",
  toolCpu: Math.max(...runs.map((r) => r.toolCpu ?? 0)),
  toolSaturated: runs.some((r) => r.toolSaturated),
});

/**
 * The catalog page at `conns` connections on one server, alone and while `MIXED_SHOPPERS` shoppers
 * place paced orders (cart.add + order.place by wallet), in interleaved windows (decision 159): after
 * a warm-up of both loads together, pairs of `MIXED_WINDOW_S` windows — one alone, one while buying, the order
 * swapped every pair (alone-buying, buying-alone, …) — until each side has had about `durationS`.
 * This machine's speed drifts by up to 2× within minutes; two long runs a minute apart measured the
 * drift as much as the load (shares of 45–89 % for one build), while windows seconds apart, in
 * mirrored order, see the same machine. Rates are totals over each side's windows; p50 the median
 * of the windows' p50s, p99 the mean of their p99s (`pooledP99`).
 * @param {{ child: import("./lib/procs.mjs").Child; baseUrl: string }} server
 * @param {number} conns
 */
async function runMixed(server, conns) {
  const tokens = await freshTokens(store, server.baseUrl, MIXED_SHOPPERS);
  const url = server.baseUrl + listPath;
  /**
   * The shoppers buying for `seconds`: paced at `MIXED_ORDERS_PER_S`, or unpaced (as fast as their
   * connections go) for the warm-up's burst.
   * @param {number} seconds
   * @param {{ paced?: boolean }} [options]
   */
  const shoppers = (seconds, { paced = true } = {}) =>
    measure({
      server: server.child,
      url: server.baseUrl,
      connections: MIXED_SHOPPERS,
      warmupS: 0,
      durationS: seconds,
      mode: "checkout",
      ...(paced ? { overallRate: 2 * MIXED_ORDERS_PER_S } : {}),
      checkout: { tokens, address: ADDRESS, deliveryOptionId: "standard", cartAddBody: mutationBody({ variantId: store.variantId, quantity: 1 }) },
    });
  const catalog = (seconds) => measure({ server: server.child, url, connections: conns, warmupS: 0, durationS: seconds });
  const buying = async () => {
    const orders = shoppers(MIXED_LEAD_S + MIXED_WINDOW_S + 0.5);
    await delay(MIXED_LEAD_S * 1000);
    const probing = cacheHits(url, performance.now() + MIXED_WINDOW_S * 1000);
    const m = await catalog(MIXED_WINDOW_S);
    return { m, orders: await orders, probe: await probing };
  };

  // Warm-up (decision 164): first orders as fast as the shoppers go for the other targets' warm-up —
  // at 50 orders/s V8 takes minutes to optimise the hundreds of functions an order runs, and a shop
  // that has been up a while has long done so — then both loads together for twice that, so neither
  // is measured while V8 compiles it.
  if (warmupS > 0) await shoppers(warmupS, { paced: false });
  const warm = 2 * warmupS;
  if (warm > 0) await Promise.all([shoppers(warm + 0.5), catalog(warm)]);
  await settle(server.child.pid);
  const alone = [];
  const mixed = [];
  const pairs = Math.max(2, Math.round(durationS / MIXED_WINDOW_S));
  const aloneWindow = async () => {
    const m = await catalog(MIXED_WINDOW_S);
    await settle(server.child.pid);
    alone.push(m);
    log(`  mixed window: alone ${Math.round(m.rps)} req/s, p99 ${m.p99Ms.toFixed(1)} ms`);
  };
  for (let pair = 0; pair < pairs; pair++) {
    if (pair % 2 === 0) await aloneWindow();
    const w = await buying();
    mixed.push(w);
    log(`  mixed window: buying ${Math.round(w.m.rps)} req/s, p99 ${w.m.p99Ms.toFixed(1)} ms, ${w.orders.ordersPerS.toFixed(1)} orders/s`);
    await settle(server.child.pid);
    if (pair % 2 === 1) await aloneWindow();
  }

  const under = mixed.map((w) => w.m);
  const orders = mixed.map((w) => w.orders);
  const failure = orders.find((o) => o.failureSample)?.failureSample;
  if (failure) log(`mixed: first failed order: ${failure}`);
  const probed = mixed.reduce((n, w) => ({ hits: n.hits + w.probe.hits, asked: n.asked + w.probe.asked }), { hits: 0, asked: 0 });
  const m = { ...pooledWindows(under), rssPeak: Math.max(...[...alone, ...under, ...orders].map((r) => r.rssPeak ?? 0)) };
  const aloneRate = windowsTotal(alone).rps;
  return row("mixed", "mixed", conns, m, {
    bodyBytes: store.catalogBytes,
    aloneRate,
    aloneP99Ms: pooledP99(alone.map((r) => r.p99Ms)),
    share: m.rps / aloneRate,
    windows: pairs,
    ordersPerS: orders.reduce((n, o) => n + o.orders, 0) / orders.reduce((n, o) => n + o.durationS, 0),
    orderP99Ms: pooledP99(orders.map((o) => o.iterationP99Ms)),
    hitShare: probed.asked ? probed.hits / probed.asked : null,
    errors: m.errors + m.non2xx + alone.reduce((n, r) => n + (r.errors ?? 0) + (r.non2xx ?? 0), 0) + orders.reduce((n, o) => n + (o.errors ?? 0) + o.failedCart + o.failedOrder, 0),
  });
}

const rows = [];
let scale = [];
try {
  for (let round = 0; round < rounds; round++) {
    const shift = Math.round((round * plan.length) / rounds);
    const order = [...plan.slice(shift), ...plan.slice(0, shift)];
    log(`round ${round + 1}/${rounds}: ${order.map((p) => `${p.id}${p.conns ? `@${p.conns}` : ""}`).join(", ")}`);
    for (const item of order) {
      const r = await runOne(item, round);
      r.round = round;
      rows.push(r);
      log(`  ${r.target}${r.connections ? `@${r.connections}` : ""}: ${Math.round(r.rate)} ${r.unit}, p50 ${r.p50Ms?.toFixed(2)} ms, p99 ${r.p99Ms?.toFixed(2)} ms, errors ${r.errors}, timeouts ${r.timeouts}${r.toolSaturated ? ", LOAD TOOL SATURATED" : ""}`);
    }
  }

  if (!flags["no-scale"]) {
    const scaleStore = { dir: path.join(dir, "scale"), dataDir: path.join(dir, "scale", "data"), redisPrefix };
    fs.mkdirSync(scaleStore.dataDir, { recursive: true });
    for (const size of scaleSizes) {
      log(`catalog size ${size}: writing products through the repositories`);
      await growCatalog(scaleStore.dataDir, size);
      await withServer(
        // Cache off: this study is about how the queries grow, not about answers kept in memory.
        () => startApi(scaleStore, { label: `api-scale-${size}`, extraEnv: { CATALOG_CACHE_ENTRIES: "0" } }),
        async (server) => {
          const categoryId = (await query(server.baseUrl, "catalog.list", { limit: 1 })).data.items[0].categoryId;
          /** @type {Array<[string, Record<string, unknown>]>} */
          const all = [
            ["catalog-list", { limit: 20 }],
            ["category+price sort", { limit: 20, categoryId, sort: "price_asc" }],
            ["search", { search: store.searchInput.search, limit: 20 }],
            ["search-typo", { search: SEARCH_TYPO, limit: 20 }],
          ];
          const targets = all.filter(([id]) => !scaleTargets || scaleTargets.has(id.replace(" ", "-")));
          for (const [id, input] of targets) {
            const first = await query(server.baseUrl, "catalog.list", input);
            const m = await measureGet(server, queryPath("catalog.list", input), scaleConnections);
            const r = { products: size, ...row(id, "scale", scaleConnections, m, { bodyBytes: first.bytes }) };
            scale.push(r);
            log(`  ${size} products, ${id}: ${Math.round(r.rate)} req/s, p99 ${r.p99Ms.toFixed(2)} ms`);
          }
        },
      );
    }
  }
} catch (error) {
  for (const child of children) child.kill("SIGKILL");
  await cleanup();
  throw error;
}

const history = historyWanted ? await runHistory() : null;
if (doorbell) await stop(doorbell);
addRatios(rows);
const summary = summarise(rows);
log("compression: timing the catalog page compressed alone (CPU per answer)");
const compressionDirect = await compressionCpu(store.payloadFile, quick ? 0.5 : 2);
const result = {
  meta: {
    startedAt,
    finishedAt: new Date().toISOString(),
    rounds,
    warmupS,
    durationS,
    connections,
    scaleConnections,
    pinning: hasTaskset,
    wrk: hasWrk,
    machine: machineLoad(),
    loadBefore,
    loadAfter: os.loadavg()[0],
    apiServer,
    store: {
      products: store.products,
      variantsOnPage: store.variantsOnPage,
      catalogBytes: store.catalogBytes,
      slugBytes: store.slugBytes,
      searchBytes: store.searchBytes,
      searchTerm: store.searchInput.search,
      checkoutTransactions: store.checkoutTrace.transactions.length,
      checkoutWrites: store.checkoutTrace.transactions.reduce((n, t) => n + t.statements.length, 0),
      orderTotalMinor: store.orderTotalMinor,
    },
  },
  summary,
  goals: goals(summary, scale),
  compression: compressionCost(summary),
  compressionDirect,
  scale,
  rows,
  ...(web ? { web: web.rows } : {}),
  ...(history ? { history } : {}),
};
if (svgFile) {
  fs.writeFileSync(svgFile, renderSvg(result));
  log(`chart written to ${path.relative(process.cwd(), svgFile)}`);
}
if (flags.out) fs.writeFileSync(flags.out, `${JSON.stringify(result, null, 2)}\n`);
await cleanup();
process.stdout.write(
  flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderText(result)}\n${web ? `\n${renderWebText(web.rows)}\n` : ""}${history ? `\n${renderHistoryText(history)}\n` : ""}`,
);
