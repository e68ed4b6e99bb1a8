#!/usr/bin/env node
/**
 * `node bench/retention-pause.mjs`: how long the retention job makes a shopper's write wait. A
 * SQLite store (synchronous FULL, as shipped) holds `--rows` delivered messages past their
 * retention; a writer commits a small unit of work every `--every-ms` (three outbox rows each,
 * about a checkout's commit) first alone, then while batches of `--batch` rows are pruned until
 * none are left. Prints the writer's latency percentiles in both phases and the batches' own durations.
 *
 *   node bench/retention-pause.mjs [--rows N] [--batch N] [--quiet-s S] [--every-ms MS]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { machineLoad } from "./lib/procs.mjs";
import { load } from "./lib/scale.mjs";

const { values: flags } = parseArgs({
  options: { rows: { type: "string", default: "200000" }, batch: { type: "string", default: "500" }, "quiet-s": { type: "string", default: "5" }, "every-ms": { type: "string", default: "5" } },
});
const rows = Number(flags.rows);
const batch = Number(flags.batch);
const quietMs = Number(flags["quiet-s"]) * 1000;
const everyMs = Number(flags["every-ms"]);

const { openDatabase } = await load("@bbscart/db");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-retention-"));
const db = await openDatabase({ dataDir });
const old = new Date(Date.now() - 90 * 86_400_000);
const message = (id, status, createdAt) => ({
  id,
  channel: "email",
  notification: { template: "order_placed", userId: "user-1", dedupeKey: id, data: { orderId: id, note: "x".repeat(400) } },
  status,
  attempts: 1,
  createdAt,
  sentAt: status === "sent" ? createdAt : null,
  lastError: null,
  lastFailedAt: null,
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
};
const fmt = (s) => `n=${s.n}  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`;

try {
  process.stdout.write(`load before: ${(machineLoad().loadavg1 ?? 0).toFixed(1)}\nwriting ${rows} delivered messages past retention…\n`);
  for (let start = 0; start < rows; start += 5_000) {
    await db.uow.run(async (repos) => {
      for (let i = start; i < Math.min(rows, start + 5_000); i++) await repos.outbox.enqueue(message(`old-${i}`, "sent", old));
    });
  }

  let written = 0;
  /** Commits a small unit of work every `everyMs` until `done()`; returns each one's latency. */
  const writer = async (done) => {
    const latencies = [];
    while (!done()) {
      const started = performance.now();
      await db.uow.run(async (repos) => {
        for (let i = 0; i < 3; i++) await repos.outbox.enqueue(message(`new-${written++}`, "pending", new Date()));
      });
      const took = performance.now() - started;
      latencies.push(took);
      if (took < everyMs) await new Promise((resolve) => setTimeout(resolve, everyMs - took));
    }
    return latencies;
  };

  const quietUntil = performance.now() + quietMs;
  const alone = await writer(() => performance.now() > quietUntil);

  let pruning = true;
  const batches = [];
  const pruner = (async () => {
    for (;;) {
      const started = performance.now();
      const deleted = await db.retention.prune("delivered_messages", new Date(Date.now() - 30 * 86_400_000), batch);
      batches.push(performance.now() - started);
      if (deleted < batch) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    pruning = false;
  })();
  const pruneStarted = performance.now();
  const during = await writer(() => !pruning);
  await pruner;
  const pruneSeconds = (performance.now() - pruneStarted) / 1000;

  process.stdout.write(
    [
      `writer alone:        ${fmt(summary(alone))}`,
      `writer while pruning: ${fmt(summary(during))}`,
      `prune batches of ${batch}: ${fmt(summary(batches))}; ${rows} rows in ${pruneSeconds.toFixed(1)} s (${Math.round(rows / pruneSeconds)} rows/s)`,
      `load after: ${(machineLoad().loadavg1 ?? 0).toFixed(1)}`,
      "",
    ].join("\n"),
  );
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
