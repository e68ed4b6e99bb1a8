/**
 * The write floor of one checkout: a bare better-sqlite3 loop replaying, per iteration, exactly
 * the INSERT/UPDATE/DELETE statements the API ran for one traced checkout (`cart.add` +
 * `order.place` + the notification outbox updates that follow), grouped in the same
 * `BEGIN IMMEDIATE … COMMIT` transactions, on a copy of the store with the same pragmas
 * (WAL, the same `synchronous`, foreign keys on). Ids the checkout created (order, cart, the
 * idempotency key, and every key derived from them) get a same-length per-iteration suffix so
 * unique indexes are exercised as in the API. An iteration whose statements change a different
 * number of rows than in the trace counts as an error.
 *
 * Usage: `node sqlite-loop.mjs <json config>`; prints `LOOP_JSON {...}`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../lib/paths.mjs";

if (!process.argv[2]) throw new Error("usage: node sqlite-loop.mjs <json config>");
const config = JSON.parse(process.argv[2]);
const Database = createRequire(path.join(repoRoot, "packages/db/package.json"))("better-sqlite3");

const db = new Database(config.dbFile);
db.pragma("busy_timeout = 5000");
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${config.synchronous}`);
db.pragma("foreign_keys = ON");

/** @type {{ statements: { sql: string, args: unknown[], changes: number }[] }[]} */
const transactions = config.transactions;
const prepared = transactions.map((tx) => tx.statements.map((s) => ({ ...s, statement: db.prepare(s.sql) })));
const fresh = config.freshValues; // strings to make unique per iteration (same length)

const revive = (value) => (value && typeof value === "object" && "$buffer" in value ? Buffer.from(value.$buffer, "base64") : value);
function rewrite(value, iteration) {
  value = revive(value);
  if (typeof value !== "string") return value;
  for (const original of fresh) {
    if (!value.includes(original)) continue;
    const tag = iteration.toString(36);
    value = value.split(original).join(original.slice(0, original.length - tag.length) + tag);
  }
  return value;
}
const argsFor = (args, iteration) =>
  args.map((a) => (a && typeof a === "object" && !("$buffer" in a) ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, rewrite(v, iteration)])) : rewrite(a, iteration)));

// Arguments are rewritten before the clock starts: the loop measures the database, not string work.
const begin = db.prepare("BEGIN IMMEDIATE");
const commit = db.prepare("COMMIT");
// Each run (round) starts in its own range, so rounds replaying on the same copy never collide.
let iteration = config.iterationStart;
let errors = 0;
let firstError = null;
function once() {
  const calls = prepared.map((tx) => tx.map((s) => [s, argsFor(s.args, iteration)]));
  iteration += 1;
  const t = performance.now();
  let ok = true;
  for (const tx of calls) {
    begin.run();
    try {
      for (const [s, args] of tx) {
        const { changes } = s.statement.run(...args);
        if (changes !== s.changes) ok = false;
      }
      commit.run();
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      ok = false;
      firstError ??= String(error instanceof Error ? error.message : error);
    }
  }
  if (!ok) errors += 1;
  return performance.now() - t;
}

function runFor(seconds, latencies) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    const ms = once();
    latencies?.push(ms);
    n += 1;
  }
  return n;
}

runFor(config.warmupS);
errors = 0;
firstError = null;
const latencies = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const n = runFor(config.durationS, latencies);
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
db.close();
process.stdout.write(
  `LOOP_JSON ${JSON.stringify({
    iterations: n,
    rps: n / wallS,
    p50Ms: pct(50),
    p99Ms: pct(99),
    errors,
    firstError,
    cpu: (cpu.user + cpu.system) / 1e6 / wallS,
    rssPeak: process.resourceUsage().maxRSS * 1024,
    statements: transactions.reduce((sum, tx) => sum + tx.statements.length, 0),
    transactions: transactions.length,
  })}\n`,
);
