/**
 * The `history` target of `npm run bench` (issue 28): for each size, a store holding a year of
 * history (lib/history.mjs), read back through the API to check it, then measured like every other
 * read target — a fresh API process pinned to the server core, the bench's load tool on the other,
 * one connection, warm-up discarded — for the owner's and the shoppers' reads that could grow with
 * history. Beside the reads: the database file, `db:backup`'s time, the API's start-up time, and the
 * file per order after `db:vacuum` (retention, then VACUUM).
 *
 * Goals (printed PASS/FAIL): every read's p50 at the largest size ≤ 2× its p50 at 10,000 orders (the
 * smallest size when 10,000 is not measured), and the file ≤ 4 KB per order after retention.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateHistory } from "./history.mjs";
import { measure } from "./load.mjs";
import { repoRoot } from "./paths.mjs";
import { fmt, table } from "./report.mjs";
import { apiEnv, seedDemoStore, startApi } from "./store.mjs";
import { stop } from "./procs.mjs";
import { mutate, query, queryPath } from "./trpc.mjs";

/** The goals' limits: growth of a read's p50 from the base size to the largest, and bytes per order kept. */
export const HISTORY_GOALS = { p50Growth: 2, bytesPerOrder: 4096 };
const DAY = 86_400_000;

/** The file and its write-ahead log: what the disk holds. */
const fileBytes = (file) => [file, `${file}-wal`].reduce((sum, part) => sum + (fs.existsSync(part) ? fs.statSync(part).size : 0), 0);

/** Runs one of the API's maintenance scripts (built) against the store; returns its wall time in seconds. */
function script(store, name, args = []) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(repoRoot, "apps/api/dist/scripts", `${name}.js`), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...apiEnv(store, 0) },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr || run.stdout}`);
  return { seconds: (performance.now() - started) / 1000, output: run.stdout.trim() };
}

/**
 * Reads the generated history back through the API and fails on any difference: every status count
 * of the admin overview, sampled orders by id and by number search, and the heavy shopper's orders.
 */
async function verify(baseUrl, history, adminToken, shopperToken) {
  const overview = (await query(baseUrl, "admin.dashboard.overview", undefined, { token: adminToken })).data;
  for (const [status, count] of Object.entries(history.tally)) {
    if (overview.byStatus[status] !== count) throw new Error(`history: the API counts ${overview.byStatus[status]} ${status} orders, the generator wrote ${count}`);
  }
  for (const [i, id] of history.samples.orderIds.entries()) {
    const order = (await query(baseUrl, "admin.orders.byId", { orderId: id }, { token: adminToken })).data;
    if (order.number !== history.samples.numbers[i]) throw new Error(`history: order ${id} reads back as ${order.number}, written as ${history.samples.numbers[i]}`);
    const found = (await query(baseUrl, "admin.orders.list", { search: order.number }, { token: adminToken })).data.items;
    if (found.length !== 1 || found[0].id !== id) throw new Error(`history: searching ${order.number} found ${found.length} orders`);
  }
  const mine = (await query(baseUrl, "order.list", { limit: 100 }, { token: shopperToken })).data.items;
  if (mine.length === 0 || mine.some((o) => o.userId !== undefined && o.userId !== history.shopper.userId)) throw new Error("history: the heavy shopper's orders do not read back");
}

function seedOnce(store, log) {
  log("history: seeding the demo store once");
  return { dataDir: store.dataDir, adminPassword: seedDemoStore(store).adminPassword };
}

/** The page `pages` deep in the admin's order list (24 a page), as a cursor: found by walking it as the console does. */
async function deepCursor(baseUrl, token, pages) {
  let cursor = null;
  for (let page = 1; page < pages; page++) {
    const next = (await query(baseUrl, "admin.orders.list", { cursor }, { token })).data.nextCursor;
    if (!next) return cursor;
    cursor = next;
  }
  return cursor;
}

/**
 * `seeded` is a copy of a freshly seeded demo store (the other targets' store before they wrote to
 * it), when the run has one; otherwise the demo store is seeded here, once.
 * @param {{ dir: string; redisPrefix: string; sizes: number[]; customers: number; heavy: number; warmupS: number; durationS: number; log: (line: string) => void; children: Set<import("./procs.mjs").Child>; seeded?: { dataDir: string; adminPassword: string } }} options
 */
export async function runHistoryTarget({ dir, redisPrefix, sizes, customers, heavy, warmupS, durationS, log, children, seeded }) {
  // Every size starts from a copy of the seeded demo store.
  const loadBefore = os.loadavg()[0];
  const template = seeded ?? seedOnce({ dir: path.join(dir, "history-template"), dataDir: path.join(dir, "history-template", "data"), redisPrefix }, log);
  const { adminPassword } = template;
  const rows = [];
  const figures = [];
  for (const size of sizes) {
    const store = { dir: path.join(dir, `history-${size}`), dataDir: path.join(dir, `history-${size}`, "data"), redisPrefix };
    fs.cpSync(template.dataDir, store.dataDir, { recursive: true });
    const dbFile = path.join(store.dataDir, "bbscart.db");
    log(`history: generating ${size.toLocaleString("en-US")} orders, ${customers.toLocaleString("en-US")} customers`);
    const now = new Date();
    const history = await generateHistory({ dataDir: store.dataDir, orders: size, customers, heavy, now, log });
    log(`history: ${size} orders written in ${history.seconds.toFixed(0)} s (${Math.round(size / history.seconds)} orders/s)`);
    const figure = { orders: size, customers, generateS: history.seconds, fileBytes: fileBytes(dbFile), tally: history.tally };

    const startedAt = performance.now();
    const server = await startApi(store, { label: `api-history-${size}` });
    figure.startupS = (performance.now() - startedAt) / 1000;
    children.add(server.child);
    try {
      const base = server.baseUrl;
      const admin = (await mutate(base, "auth.login", { email: "admin@bbscart.local", password: adminPassword })).data.accessToken;
      const shopper = (await mutate(base, "auth.login", { email: history.shopper.email, password: history.shopper.password })).data.accessToken;
      await verify(base, history, admin, shopper);
      const month = new Date(now.getTime() - 60 * DAY);
      const reads = [
        ["dashboard sales, 30 days", "admin.dashboard.sales", { days: 30 }, admin],
        ["dashboard top products, 30 days", "admin.dashboard.topProducts", { days: 30 }, admin],
        ["dashboard overview", "admin.dashboard.overview", undefined, admin],
        ["orders, first page", "admin.orders.list", {}, admin],
        ["orders by status (delivered)", "admin.orders.list", { status: "delivered" }, admin],
        ["orders by method (cod)", "admin.orders.list", { paymentMethod: "cod" }, admin],
        ["orders by date (a month, 2 months ago)", "admin.orders.list", { placedFrom: month, placedTo: new Date(month.getTime() + 30 * DAY) }, admin],
        ["orders, 50 pages deep", "admin.orders.list", { cursor: await deepCursor(base, admin, 50) }, admin],
        ["order by id", "admin.orders.byId", { orderId: history.samples.orderIds[Math.floor(history.samples.orderIds.length / 2)] }, admin],
        ["order search by number", "admin.orders.list", { search: history.samples.numbers[Math.floor(history.samples.numbers.length / 2)] }, admin],
        ["order search by email", "admin.orders.list", { search: history.searchEmail }, admin],
        ["customer search (name)", "admin.users.list", { search: history.customerSearch, role: "shopper" }, admin],
        ["shopper's orders (heavy customer)", "order.list", {}, shopper],
        ["shopper's wallet statement (heavy customer)", "wallet.statement", {}, shopper],
      ];
      for (const [read, procedure, input, token] of reads) {
        const first = await query(base, procedure, input, { token });
        const m = await measure({ server: server.child, url: base + queryPath(procedure, input), connections: 1, warmupS, durationS, headers: { authorization: `Bearer ${token}` } });
        const row = { orders: size, read, procedure, p50Ms: m.p50Ms, p99Ms: m.p99Ms, rate: m.rps, errors: (m.errors ?? 0) + (m.non2xx ?? 0), timeouts: m.timeouts ?? 0, bodyBytes: first.bytes, tool: m.tool };
        rows.push(row);
        log(`  ${size} orders, ${read}: p50 ${fmt(row.p50Ms, 2)} ms, p99 ${fmt(row.p99Ms, 2)} ms, ${Math.round(row.rate)} req/s, errors ${row.errors}`);
      }
    } finally {
      await stop(server.child);
      children.delete(server.child);
    }

    const backupFile = path.join(store.dir, "backup.db");
    figure.backupS = script(store, "backup", [backupFile]).seconds;
    figure.backupBytes = fileBytes(backupFile);
    fs.rmSync(backupFile);
    const vacuum = script(store, "vacuum");
    figure.vacuumS = vacuum.seconds;
    figure.vacuumOutput = vacuum.output;
    figure.afterRetentionBytes = fileBytes(dbFile);
    figure.bytesPerOrder = figure.afterRetentionBytes / size;
    figures.push(figure);
    log(`history: ${size} orders: file ${mb(figure.fileBytes)}, ${mb(figure.afterRetentionBytes)} after retention + vacuum (${fmt(figure.bytesPerOrder)} B/order), backup ${fmt(figure.backupS, 1)} s, start-up ${fmt(figure.startupS, 2)} s`);
    // Each size's store is large: only the figures are kept.
    fs.rmSync(store.dir, { recursive: true, force: true });
  }
  return { sizes, customers, heavy, loadBefore, loadAfter: os.loadavg()[0], rows, figures, goals: historyGoals(rows, figures) };
}

const mb = (bytes) => `${fmt(bytes / 1_048_576, 1)} MiB`;

/** The issue's goals: flat reads from the base size (10,000 orders, else the smallest) to the largest, and the file per order after retention. */
export function historyGoals(rows, figures) {
  const sizes = [...new Set(rows.map((r) => r.orders))].sort((a, b) => a - b);
  const largest = sizes.at(-1);
  const base = sizes.includes(10_000) ? 10_000 : sizes[0];
  const out = [];
  if (largest === base) {
    // One size measures nothing about growth: the reads are in the table, the goal is not judged.
    out.push({ goal: `history: reads' p50 at the largest size ≤ ${HISTORY_GOALS.p50Growth}× at 10,000 orders`, value: `not judged: one size (${fmt(base)} orders) measured`, ok: null });
  }
  for (const read of largest === base ? [] : [...new Set(rows.map((r) => r.read))]) {
    const at = (size) => rows.find((r) => r.read === read && r.orders === size);
    const [from, to] = [at(base), at(largest)];
    if (!from || !to) continue;
    const ratio = to.p50Ms / from.p50Ms;
    out.push({
      goal: `history: ${read}, p50 at ${fmt(largest)} ≤ ${HISTORY_GOALS.p50Growth}× at ${fmt(base)} orders`,
      value: `${fmt(from.p50Ms, 2)} → ${fmt(to.p50Ms, 2)} ms (${fmt(ratio, 2)}×)${to.errors || to.timeouts ? `, ${to.errors} errors, ${to.timeouts} timeouts` : ""}`,
      ok: ratio <= HISTORY_GOALS.p50Growth && to.errors === 0 && to.timeouts === 0,
    });
  }
  const last = figures.find((f) => f.orders === largest);
  if (last) {
    out.push({
      goal: `history: file ≤ ${fmt(HISTORY_GOALS.bytesPerOrder / 1024)} KB per order after retention + vacuum, at ${fmt(largest)} orders`,
      value: `${fmt(last.bytesPerOrder)} B/order (${mb(last.afterRetentionBytes)})`,
      // Below 10,000 orders the catalog and the customers outweigh the orders: shown, not judged.
      ok: largest < 10_000 ? null : last.bytesPerOrder <= HISTORY_GOALS.bytesPerOrder,
    });
    // The customers and catalog are in every size's file: what each further order adds, apart from them.
    const first = figures.find((f) => f.orders === base);
    if (first && first !== last) {
      const marginal = (last.afterRetentionBytes - first.afterRetentionBytes) / (last.orders - first.orders);
      out.push({ goal: `history: what each order adds to the file after retention, ${fmt(base)} → ${fmt(largest)} orders (informational)`, value: `${fmt(marginal)} B/order`, ok: null });
    }
  }
  return out;
}

/** The target's block of the bench's text output: reads by size, then the file figures, then the goals. */
export function renderHistoryText(history) {
  const { sizes, rows, figures } = history;
  const lines = [
    `history (1 connection, p50 / p99 ms; ${fmt(history.customers)} customers, ${history.heavy} heavy, at every size; load average ${fmt(history.loadBefore, 2)} before, ${fmt(history.loadAfter, 2)} after):`,
  ];
  const reads = [...new Set(rows.map((r) => r.read))];
  lines.push(
    table(
      ["read", ...sizes.map((s) => `${fmt(s)} orders`)],
      reads.map((read) => [
        read,
        ...sizes.map((s) => {
          const r = rows.find((x) => x.read === read && x.orders === s);
          return r ? `${fmt(r.p50Ms, 2)} / ${fmt(r.p99Ms, 2)}${r.errors || r.timeouts ? ` (${r.errors}e/${r.timeouts}t)` : ""}` : "–";
        }),
      ]),
      [false, ...sizes.map(() => true)],
    ),
  );
  lines.push("");
  const figure = (label, value) => [label, ...sizes.map((s) => {
    const f = figures.find((x) => x.orders === s);
    return f ? value(f) : "–";
  })];
  lines.push(
    table(
      ["figure", ...sizes.map((s) => `${fmt(s)} orders`)],
      [
        figure("generated in", (f) => `${fmt(f.generateS)} s`),
        figure("database file", (f) => mb(f.fileBytes)),
        figure("db:backup", (f) => `${fmt(f.backupS, 1)} s (${mb(f.backupBytes)})`),
        figure("API start-up (to /healthz)", (f) => `${fmt(f.startupS, 2)} s`),
        figure("db:vacuum (retention + VACUUM)", (f) => `${fmt(f.vacuumS, 1)} s`),
        figure("file after retention + vacuum", (f) => mb(f.afterRetentionBytes)),
        figure("per order after retention", (f) => `${fmt(f.bytesPerOrder)} B`),
      ],
      [false, ...sizes.map(() => true)],
    ),
  );
  lines.push("");
  for (const g of history.goals) lines.push(`${g.ok === null ? "·" : g.ok ? "PASS" : "FAIL"}  ${g.goal}: ${g.value}`);
  return lines.join("\n");
}
