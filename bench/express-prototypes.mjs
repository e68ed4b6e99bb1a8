#!/usr/bin/env node
/**
 * `node bench/express-prototypes.mjs`: what Express's per-request `Object.setPrototypeOf` costs
 * (decision 173). Bare Express answers a fixed 13.5 KB JSON body at 50 keep-alive connections, on
 * the usual server (`http.createServer(app)`: Express gives each request and response its prototype
 * as they enter the app) and on one whose requests and responses are born with it (as the API's
 * are); bare `node:http` beside them. Servers on core 0, wrk on core 1, alternated; prints req/s and
 * the full (mark-compact) collections V8 made during each measured window.
 *
 *   node bench/express-prototypes.mjs [--rounds N] [--duration S]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as delay } from "node:timers/promises";
import { repoRoot } from "./lib/paths.mjs";
import { freePort, LOAD_CORE, pinned, SERVER_CORE, start, stop, waitForHttp } from "./lib/procs.mjs";
import { withHeapSettings } from "../scripts/heap.mjs";

const { values: flags } = parseArgs({ options: { rounds: { type: "string", default: "3" }, duration: { type: "string", default: "5" } } });
const rounds = Number(flags.rounds);
const seconds = Number(flags.duration);
if (spawnSync("wrk", ["--version"]).error) {
  process.stderr.write("express-prototypes: needs wrk (apt-get install -y wrk)\n");
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-prototypes-"));
const payload = path.join(dir, "page.json");
// A body shaped like the catalog page (13.5 KB of JSON).
fs.writeFileSync(payload, JSON.stringify({ result: { data: { json: { items: Array.from({ length: 20 }, (_, i) => ({ id: `product-${i}`, name: `Product ${i}`.padEnd(640, ".") })) } } } }));

async function measure(kind) {
  const port = await freePort();
  const logFile = path.join(dir, `${kind}.log`);
  const argv = pinned(SERVER_CORE, [process.execPath, "--trace-gc", path.join(repoRoot, "bench/baselines/http-server.mjs"), kind, String(port), payload]);
  const child = start(argv, { env: withHeapSettings(process.env), logFile });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, { logFile });
    const wrk = (s) => pinned(LOAD_CORE, ["wrk", "-t1", "-c50", `-d${s}s`, `http://127.0.0.1:${port}/`]);
    spawnSync(wrk(1)[0], wrk(1).slice(1));
    const before = (fs.readFileSync(logFile, "utf8").match(/Mark-Compact/g) ?? []).length;
    const run = spawnSync(wrk(seconds)[0], wrk(seconds).slice(1), { encoding: "utf8" });
    await delay(100);
    const after = (fs.readFileSync(logFile, "utf8").match(/Mark-Compact/g) ?? []).length;
    return { rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? NaN), fullCollections: after - before };
  } finally {
    await stop(child);
  }
}

/** @type {{ kind: string; label: string; runs: { rate: number; fullCollections: number }[] }[]} */
const servers = [
  { kind: "express", label: "Express, http.createServer(app)", runs: [] },
  { kind: "express-born", label: "Express, requests born with its prototypes", runs: [] },
  { kind: "node", label: "node:http", runs: [] },
];
for (let round = 0; round < rounds; round++) for (const server of servers) server.runs.push(await measure(server.kind));
/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
process.stdout.write(`bare servers, a fixed ${fs.statSync(payload).size} B JSON answer, 50 connections, ${rounds} × ${seconds} s alternated (medians)\n`);
for (const { label, runs } of servers) {
  const rate = Math.round(median(runs.map((r) => r.rate)));
  const collections = median(runs.map((r) => r.fullCollections));
  process.stdout.write(`${label.padEnd(44)} ${String(rate).padStart(7)} req/s  ${String(collections).padStart(3)} full collections in ${seconds} s\n`);
}
fs.rmSync(dir, { recursive: true, force: true });
