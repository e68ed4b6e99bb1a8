#!/usr/bin/env node
/**
 * `npm run drill`: a fault drill that proves nothing acknowledged is lost.
 *
 *   npm run drill                  120 s of load with a round of faults every 30 s
 *   npm run drill -- --short       ~25 s of load, one round of faults (≤ 60 s in all; part of npm test)
 *   npm run drill -- --duration N  N seconds of load
 *   npm run drill -- --json        machine-readable result on stdout (progress goes to stderr)
 *
 *   npm run drill -- --provider razorpay   the sandbox imitates Razorpay (its webhooks, signatures, UPI)
 *   npm run drill -- --engine mongo        on MongoDB at MONGODB_URI (a database of its own), not SQLite
 *
 * Other flags: --no-build, --shoppers N, --keep (keep the temp dir).
 * It runs two API processes on one database (a SQLite file, or MongoDB), one worker and its own
 * redis-server (AOF, fsync always) from the built API, puts shoppers and admins to work on them,
 * SIGKILLs an API process, the worker and Redis while they work and restarts each, lets the system
 * settle, and checks the database, the SMTP inbox and Redis against its log of acknowledged
 * responses. Exit code 0 only if every check holds. See README "Fault drill" and
 * docs/decisions/045-fault-drill.md and 047.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import { repoRoot } from "../bench/lib/paths.mjs";
import { freePort } from "../bench/lib/procs.mjs";
import { pool, seedDemoStore } from "../bench/lib/store.mjs";
import { mutate, query } from "../bench/lib/trpc.mjs";
import { backlog, runChecks, stockSnapshot } from "./lib/checks.mjs";
import { requireFromDb } from "./lib/deps.mjs";
import { newAckLog, newStats, runLoad, SHOPPER_PASSWORD } from "./lib/load.mjs";
import { renderText } from "./lib/report.mjs";
import { openStore } from "./lib/store.mjs";
import { ApiProcess, drillEnv, ensureRedisServer, OwnRedis, startSmtp, WorkerProcess } from "./lib/topology.mjs";
import { startWebhookRelay } from "./lib/webhooks.mjs";

const { values: flags } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    duration: { type: "string" },
    json: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    shoppers: { type: "string" },
    keep: { type: "boolean", default: false },
    engine: { type: "string", default: "sqlite" },
    provider: { type: "string", default: "stripe" },
  },
});
const durationS = Number(flags.duration ?? (flags.short ? 20 : 120));
const shopperCount = Number(flags.shoppers ?? (flags.short ? 4 : 6));
/** Faults come in rounds (API, worker, Redis); a short run has one, a long one a round per 30 s. */
const rounds = Math.max(1, Math.floor(durationS / 30));
/** How long the system may take to drain its queues once the load stops. */
const quietDeadlineMs = flags.short ? 20_000 : 90_000;
/**
 * The variants shoppers buy: three scarce ones that run out early in the run (checkouts race for the
 * last units) and three plentiful ones that keep orders coming after that.
 */
const SCARCE_STOCK = flags.short ? 10 : 30;
const PLENTIFUL_STOCK = 100_000;
const HOT_VARIANTS = 6;
const FUNDING_MINOR = 300_000;

if (!Number.isInteger(durationS) || durationS < 5 || !Number.isInteger(shopperCount) || shopperCount < 1) {
  process.stderr.write("drill: --duration (≥ 5 s) and --shoppers must be whole numbers\n");
  process.exit(2);
}
if (!["sqlite", "mongo"].includes(flags.engine) || !["stripe", "razorpay"].includes(flags.provider)) {
  process.stderr.write("drill: --engine is sqlite or mongo, --provider stripe or razorpay\n");
  process.exit(2);
}
if (flags.engine === "mongo" && !process.env.MONGODB_URI) {
  process.stderr.write("drill: --engine mongo needs MONGODB_URI, a replica set such as mongodb://127.0.0.1:27017/?replicaSet=rs0 (the drill uses a database of its own there)\n");
  process.exit(2);
}

const startedAt = Date.now();
const log = (line) => process.stderr.write(`drill: [${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${line}\n`);
const random = Math.random;

if (!flags["no-build"]) {
  log("building the API (turbo)");
  const built = spawnSync("npx", ["turbo", "run", "build", "--filter=@bbscart/api", "--output-logs=errors-only"], {
    cwd: repoRoot,
    stdio: ["ignore", 2, 2],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
ensureRedisServer(log);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-drill-"));
const store = { dir, dataDir: path.join(dir, "data"), redisPrefix: `drill-${process.pid}` };
/**
 * Where the shop's data lives: the SQLite file in the run's DATA_DIR, or a database of the run's own
 * on the MongoDB at MONGODB_URI (every host and option kept), dropped afterwards unless kept.
 */
const target =
  flags.engine === "mongo"
    ? { engine: "mongo", uri: mongoDatabase(process.env.MONGODB_URI ?? "", `bbscart_drill_${process.pid}`) }
    : { engine: "sqlite", file: path.join(store.dataDir, "bbscart.db") };
/** What every process of the shop gets besides the drill's settings: the engine and the sandbox's flavour. */
const shopEnv = { SANDBOX_FLAVOUR: flags.provider, ...(target.engine === "mongo" ? { MONGODB_URI: target.uri } : {}) };
const running = [];

function mongoDatabase(uri, database) {
  const { ConnectionString } = requireFromDb("mongodb-connection-string-url");
  const parsed = new ConnectionString(uri);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function shutdown() {
  for (const proc of running.reverse()) await proc.close().catch(() => undefined);
  running.length = 0;
}
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.once(event, (error) => {
    log(`${event}: ${error?.stack ?? error}; stopping every process the drill started (logs in ${dir})`);
    void shutdown().finally(() => process.exit(1));
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    log(`${signal}: stopping every process the drill started`);
    void shutdown().finally(() => process.exit(130));
  });
}

/** Signs in through a drill client, retrying across both APIs like any other call. */
async function signIn(client, email, password = SHOPPER_PASSWORD) {
  const token = client.token;
  client.token = null;
  const session = await client.attempt("auth.login", (base) => mutate(base, "auth.login", { email, password }).then((r) => r.data));
  if (!session.ok) {
    client.token = token;
    throw new Error(`could not sign ${email} in again: ${JSON.stringify(session.refused ?? session.unknown)}`);
  }
  return session.value.accessToken;
}

/** Demo admin, contended variants with little stock, registered and funded shoppers; the stock before any order. */
async function prepare(api, adminPassword, acks, db) {
  const base = api.baseUrl;
  const admin = (await mutate(base, "auth.login", { email: "admin@bbscart.local", password: adminPassword })).data.accessToken;
  const cheapest = (await query(base, "catalog.list", { limit: 20, sort: "price_asc", inStock: true })).data.items;
  const variants = cheapest.slice(0, HOT_VARIANTS).map((p) => p.variants.find((v) => v.inStock));
  const levels = await stockSnapshot(db);
  for (const [i, variant] of variants.entries()) {
    const level = levels.get(variant.id);
    const delta = (i < HOT_VARIANTS / 2 ? SCARCE_STOCK : PLENTIFUL_STOCK) - (level.on_hand - level.reserved);
    if (delta !== 0) await mutate(base, "admin.catalog.adjustStock", { variantId: variant.id, delta, reason: "drill: contended stock" }, { token: admin });
  }
  const accounts = await pool(Array.from({ length: shopperCount }, (_, i) => i), 4, async (i) => {
    const email = `drill-${process.pid}-${i}@example.test`;
    const session = (await mutate(base, "auth.register", { email, password: SHOPPER_PASSWORD, name: `Drill Shopper ${i}` })).data;
    const userId = session.account.id;
    const idempotencyKey = `drill-fund-${userId}`;
    const funded = await mutate(base, "admin.wallet.adjust", { userId, amountMinor: FUNDING_MINOR, reason: "drill: opening balance", idempotencyKey }, { token: admin });
    acks.adjustments.push({ userId, amountMinor: FUNDING_MINOR, idempotencyKey, transferId: funded.data.transferId, label: "credit" });
    return { email, userId, token: session.accessToken };
  });
  const second = (await mutate(base, "auth.login", { email: "admin@bbscart.local", password: adminPassword })).data.accessToken;
  return { variants, accounts, adminTokens: [admin, second] };
}

/** How long a killed part stays down before its supervisor (here, the drill) starts it again. */
const DOWNTIME_MS = { api: 500, worker: 500, redis: 1_000 };

/**
 * Waits for `at`, then injects one fault: SIGKILL, `DOWNTIME_MS` down, restart. Records how long until
 * the part was ready again, from the kill and from the restart.
 */
async function injectFault(fault, topology, at) {
  await delay(Math.max(0, at - Date.now()));
  const { apis, worker, redis } = topology;
  const api = fault === "api" ? apis[topology.nextApi++ % apis.length] : null;
  const part = { api, worker, redis }[fault];
  const record = { kind: fault, target: api?.name ?? (fault === "worker" ? "worker" : `redis-server :${redis.port}`), at: Date.now() };
  await part.kill();
  log(`SIGKILL ${record.target}; restarting it${fault === "redis" ? " on the same port and AOF" : ""}`);
  await delay(DOWNTIME_MS[fault]);
  const restartedAt = Date.now();
  if (fault === "redis") {
    await redis.resume();
    // Recovered when both API processes answer /readyz again (their Redis connections are back).
    for (const each of apis) {
      while (!(await fetch(`${each.baseUrl}/readyz`).then((r) => r.ok, () => false))) await delay(100);
    }
  } else {
    await part.start();
  }
  record.downMs = DOWNTIME_MS[fault];
  record.recoveredMs = Date.now() - record.at;
  record.readyAfterRestartMs = Date.now() - restartedAt;
  return record;
}

/** Polls until nothing is in flight (outbox, webhook events, refunds, paid-but-unconfirmed orders, queues) or the deadline. */
async function quiesce(db, acks) {
  const from = Date.now();
  let last = null;
  while (Date.now() - from < quietDeadlineMs) {
    last = await backlog(db, acks);
    if (last.total === 0) return { quiet: true, ms: Date.now() - from, backlog: last };
    await delay(500);
  }
  return { quiet: false, ms: Date.now() - from, backlog: last };
}

async function main() {
  const acks = newAckLog();
  const stats = newStats();
  log(`seeding the demo store into ${store.dataDir}`);
  const { adminPassword } = seedDemoStore(store, shopEnv);

  const redis = await OwnRedis.start(dir);
  running.push(redis);
  const smtp = await startSmtp();
  running.push(smtp);
  /** @type {ApiProcess[]} */
  const apis = [];
  let webhookSecret = null;
  const relay = await startWebhookRelay({ apis, secret: () => webhookSecret, random, log, provider: flags.provider });
  running.push(relay);
  const env = { ...drillEnv({ redis, redisPrefix: store.redisPrefix, smtpUrl: smtp.url, publicUrl: relay.url }), ...shopEnv };
  const first = new ApiProcess(store, "api-a", await freePort(), env);
  const second = new ApiProcess(store, "api-b", await freePort(), env);
  apis.push(first, second);
  const worker = new WorkerProcess(store, env);
  running.push(...apis, worker);
  // The first process writes secrets.json; the others read it.
  await first.start();
  await Promise.all([second.start(), worker.start()]);
  webhookSecret = JSON.parse(fs.readFileSync(path.join(store.dataDir, "secrets.json"), "utf8")).webhookSecret;
  log(`up: ${apis.map((a) => `${a.name} :${a.port}`).join(", ")}, worker, redis-server :${redis.port} (AOF always), SMTP ${smtp.url}; ${target.engine}, ${flags.provider}-flavoured sandbox`);

  const db = await openStore(target);
  running.unshift({ close: () => db.close() });
  const ctx = { apis, random, relay, acks, stats, adminPassword, pauseMs: flags.short ? 500 : 400, signIn, provider: flags.provider };
  Object.assign(ctx, await prepare(first, adminPassword, acks, db));
  const initialStock = await stockSnapshot(db);
  log(`${shopperCount} shoppers funded, ${HOT_VARIANTS / 2} variants at ${SCARCE_STOCK} units and ${HOT_VARIANTS / 2} at ${PLENTIFUL_STOCK}; load for ${durationS} s with ${rounds} round(s) of faults`);

  const loadStart = Date.now();
  const until = loadStart + durationS * 1000;
  const topology = { apis, worker, redis, nextApi: 0 };
  const gap = (durationS * 1000) / (rounds * 3 + 1);
  const faultPlan = Array.from({ length: rounds * 3 }, (_, i) => ({ fault: ["api", "worker", "redis"][i % 3], at: loadStart + gap * (i + 1) }));
  const faultsRun = (async () => {
    const done = [];
    for (const { fault, at } of faultPlan) done.push(await injectFault(fault, topology, at));
    return done;
  })();
  await runLoad(ctx, until);
  const faults = await faultsRun;
  const loadMs = Date.now() - loadStart;
  log(`load over: ${acks.orders.length} orders acknowledged; re-posting every webhook, newest first`);
  await relay.replayAll();
  const quiet = await quiesce(db, acks);
  log(quiet.quiet ? `quiet after ${(quiet.ms / 1000).toFixed(1)} s` : `not quiet after ${quiet.ms / 1000} s: ${JSON.stringify(quiet.backlog)}`);
  // Stopped gracefully, so a job still in `active` afterwards is one nobody holds: stuck.
  await Promise.all([...apis, worker].map((p) => p.close()));

  for (const fault of faults) {
    const next = acks.orders.find((a) => a.at > fault.at);
    fault.nextOrderAckMs = next ? next.at - fault.at : null;
  }
  const checks = await runChecks({ store: db, acks, initialStock, inbox: smtp.received, redisUrl: redis.url, redisPrefix: store.redisPrefix, relay, stats, provider: flags.provider });
  const ok = checks.every((c) => c.ok);
  if (db.dropDatabase && ok && !flags.keep) await db.dropDatabase().catch((error) => log(`could not drop ${target.uri}: ${error.message}`));
  await shutdown();
  return {
    ok,
    mode: flags.short ? "short" : "long",
    engine: target.engine,
    provider: flags.provider,
    totalSeconds: (Date.now() - startedAt) / 1000,
    load: {
      seconds: loadMs / 1000,
      shoppers: shopperCount,
      admins: ctx.adminTokens.length,
      requests: stats.requests,
      retries: stats.retries,
      failures: stats.failures,
      gaveUp: stats.gaveUp,
      refused: stats.refused,
      actions: stats.actions,
    },
    acknowledged: {
      orders: acks.orders.length,
      walletOrders: acks.orders.filter((a) => a.paymentMethod === "wallet").length,
      cardOrders: acks.orders.filter((a) => a.paymentMethod === "card").length,
      cardPayments: acks.cardPayments.length,
      topUps: acks.topUps.length,
      providerCancels: acks.providerCancels.length,
      transitions: acks.transitions.length,
      shopperCancels: acks.shopperCancels.length,
      refunds: acks.refunds.length,
      adjustments: acks.adjustments.length,
    },
    webhooks: relay.stats,
    emails: smtp.received.length,
    faults,
    quiesce: quiet,
    checks,
    dir: flags.keep || !ok ? dir : null,
  };
}

let result;
try {
  result = await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  log(`logs kept in ${dir}`);
  await shutdown();
  process.exit(1);
}
if (!result.dir) fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
process.exit(result.ok ? 0 : 1);
