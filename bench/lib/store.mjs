/**
 * The seeded demo store the targets run against, prepared once per bench run in its own
 * temporary DATA_DIR, only through the API's own commands and procedures: the seed script, the
 * demo admin raising one cheap variant's stock and funding the shoppers' wallets
 * (`admin.catalog.adjustStock`, `admin.wallet.adjust`), shoppers registering (`auth.register`).
 * It also traces one checkout's SQL (for the bare SQLite loop) and keeps a copy of the database.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { withHeapSettings } from "../../scripts/heap.mjs";
import { apiRoot, apiSeed, apiServer, repoRoot } from "./paths.mjs";
import { freePort, LOAD_CORE, pinned, SERVER_CORE, start, stop, waitForHttp } from "./procs.mjs";
import { mutate, query } from "./trpc.mjs";

export const SEARCH_TERM = "organic";
/** SEARCH_TERM misspelt: found only through the spelling correction, which answers with "organic"'s products. */
export const SEARCH_TYPO = "orgnic";
export const ADDRESS = { label: null, name: "Asha Rao", phone: "+919800000001", line1: "12 MG Road", line2: null, city: "Bengaluru", state: "Karnataka", postalCode: "560001", country: "IN" };
const SHOPPER_PASSWORD = "bench-shopper-password-1";
/** Enough for every order of a long run: 10^9 paise is ₹1 crore per shopper. */
const FUNDING_MINOR = 1_000_000_000;

/** The environment of every API process of the run: production mode, our own Redis prefix, limits raised. */
export function apiEnv(store, port, extra = {}) {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: store.dataDir,
    REDIS_PREFIX: store.redisPrefix,
    SQLITE_SYNCHRONOUS: "FULL",
    // The bench sends every request from 127.0.0.1: the per-address budget is raised for the run.
    MUTATIONS_PER_IP_PER_MINUTE: "1000000",
    AUTH_CALLS_PER_IP_PER_MINUTE: "1000000",
    AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: "1000000",
    // Production mode requires a provider to be chosen; the sandbox needs no keys (checkout pays by wallet).
    PAYMENT_PROVIDER: "sandbox",
    ...extra,
  };
}

/**
 * Starts a fresh API process pinned to the server core; resolves once /healthz answers. It runs
 * with the heap settings `npm start` and the image give it (scripts/heap.mjs), so the bench
 * measures the shipped defaults.
 * @param {{ dir: string; dataDir: string; redisPrefix: string }} store
 * @param {{ extraEnv?: NodeJS.ProcessEnv; nodeArgs?: string[]; label?: string }} [options]
 */
export async function startApi(store, { extraEnv = {}, nodeArgs = [], label = "api" } = {}) {
  const port = await freePort();
  const logFile = path.join(store.dir, `${label}.log`);
  const env = withHeapSettings({ ...process.env, ...apiEnv(store, port, extraEnv) });
  const child = start(pinned(SERVER_CORE, [process.execPath, ...nodeArgs, apiServer]), { env, logFile, cwd: apiRoot });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, { logFile });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, logFile };
}

/**
 * Starts the worker's side of the outbox doorbell (lib/doorbell.mjs) on the load core for `store`'s
 * Redis prefix; resolves once it listens, with the child, or with null for a build without one.
 * @param {{ dir: string; dataDir: string; redisPrefix: string }} store
 */
export async function startDoorbell(store) {
  const logFile = path.join(store.dir, "doorbell.log");
  const child = start(pinned(LOAD_CORE, [process.execPath, path.join(repoRoot, "bench/lib/doorbell.mjs"), apiRoot]), { env: apiEnv(store, 0), logFile, cwd: apiRoot });
  let exited = false;
  child.exited.then(() => (exited = true));
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await delay(50)) {
    const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
    if (output.includes("DOORBELL_LISTENING")) return child;
    if (output.includes("DOORBELL_ABSENT")) return null;
    if (exited) throw new Error(`the doorbell exited before listening; see ${logFile}`);
  }
  await stop(child);
  throw new Error(`the doorbell did not listen within 30 s; see ${logFile}`);
}

/**
 * Seeds the demo store into `store.dataDir` (created if missing) with the API's own seed script;
 * returns the demo admin's password, printed once by the seed, and how many products it made.
 */
export function seedDemoStore(store, env = {}) {
  fs.mkdirSync(store.dataDir, { recursive: true });
  const seeded = spawnSync(process.execPath, [apiSeed], { env: { ...process.env, ...apiEnv(store, 0), ...env }, cwd: apiRoot, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr || seeded.stdout}`);
  const adminPassword = /admin@bbscart\.local\s+(\S+)/.exec(seeded.stdout)?.[1];
  if (!adminPassword) throw new Error(`seed printed no admin password:\n${seeded.stdout}`);
  return { adminPassword, products: Number(/(\d+) products/.exec(seeded.stdout)?.[1] ?? 0) };
}

export async function pool(items, size, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

/**
 * Write transactions of a trace slice: only INSERT/UPDATE/DELETE, in their BEGIN…COMMIT groups.
 * @typedef {{ statements: { sql: string; args: (string | number | null | { id?: unknown; number?: unknown })[]; changes: number }[] }} TracedTransaction
 * @returns {TracedTransaction[]}
 */
function writeTransactions(lines) {
  /** @type {TracedTransaction[]} */
  const transactions = [];
  /** @type {TracedTransaction | null} */
  let current = null;
  for (const line of lines) {
    const entry = JSON.parse(line);
    const sql = (entry.exec ?? entry.sql ?? "").trim();
    if (/^BEGIN/i.test(sql)) current = { statements: [] };
    else if (/^COMMIT/i.test(sql)) {
      if (current?.statements.length) transactions.push(current);
      current = null;
    } else if (/^ROLLBACK/i.test(sql)) current = null;
    else if (current && entry.method === "run" && /^(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) {
      current.statements.push({ sql: entry.sql, args: entry.args, changes: entry.changes });
    }
  }
  return transactions;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Seeds a store, registers and funds `shoppers` shoppers, raises the stock of the cheapest
 * in-stock variant, records the catalog page and traces one checkout.
 */
export async function prepareStore({ dir, redisPrefix, shoppers, log }) {
  const store = { dir, dataDir: path.join(dir, "data"), redisPrefix };
  log(`seeding the demo store into ${store.dataDir}`);
  const { adminPassword, products } = seedDemoStore(store);
  store.products = products;
  // The store as seeded, before any target writes to it: the history target starts from this copy
  // instead of seeding again (the demo images take most of a seed's ~12 s).
  store.seeded = { dataDir: path.join(dir, "seeded"), adminPassword };
  fs.cpSync(store.dataDir, store.seeded.dataDir, { recursive: true });

  const traceFile = path.join(dir, "checkout-trace.jsonl");
  const api = await startApi(store, { extraEnv: { BENCH_SQL_TRACE: traceFile }, nodeArgs: ["--require", path.join(repoRoot, "bench/lib/sql-trace.cjs")], label: "setup" });
  try {
    const base = api.baseUrl;
    const admin = (await mutate(base, "auth.login", { email: "admin@bbscart.local", password: adminPassword })).data.accessToken;

    const page = await query(base, "catalog.list", { limit: 20 });
    if (page.data.items.length !== 20) throw new Error(`catalog.list returned ${page.data.items.length} products, expected 20`);
    store.catalogInput = { limit: 20 };
    store.catalogBytes = page.bytes;
    store.payloadFile = path.join(dir, "catalog-page.json");
    const raw = await fetch(base + (await import("./trpc.mjs")).queryPath("catalog.list", store.catalogInput));
    fs.writeFileSync(store.payloadFile, Buffer.from(await raw.arrayBuffer()));
    store.variantsOnPage = page.data.items.reduce((n, p) => n + p.variants.length, 0);
    store.slug = page.data.items[0].slug;
    store.slugBytes = (await query(base, "catalog.bySlug", { slug: store.slug })).bytes;
    store.searchInput = { search: SEARCH_TERM, limit: 20 };
    const search = await query(base, "catalog.list", store.searchInput);
    store.searchBytes = search.bytes;
    store.searchHits = search.data.items.length;

    const cheapest = (await query(base, "catalog.list", { limit: 1, sort: "price_asc", inStock: true })).data.items[0];
    store.variantId = cheapest.variants.find((v) => v.inStock).id;
    await mutate(base, "admin.catalog.adjustStock", { variantId: store.variantId, delta: 1_000_000, reason: "bench: stock for the checkout runs" }, { token: admin });

    log(`registering and funding ${shoppers} shoppers`);
    const run = path.basename(dir).replace(/[^A-Za-z0-9]/g, "").slice(-10).toLowerCase();
    store.shoppers = await pool(Array.from({ length: shoppers }, (_, i) => i), 4, async (i) => {
      const email = `bench-${run}-${i}@example.test`;
      const session = (await mutate(base, "auth.register", { email, password: SHOPPER_PASSWORD, name: `Bench Shopper ${i}` })).data;
      await mutate(
        base,
        "admin.wallet.adjust",
        { userId: session.account.id, amountMinor: FUNDING_MINOR, reason: "bench: pre-funded shopper", idempotencyKey: `bench-fund-${session.account.id}` },
        { token: admin },
      );
      return { email, userId: session.account.id, token: session.accessToken, issuedAt: Date.now() };
    });

    // One checkout to warm up, then one traced: what the bare SQLite loop replays.
    const shopper = store.shoppers[0];
    const checkout = async (key) => {
      await mutate(base, "cart.add", { variantId: store.variantId, quantity: 1 }, { token: shopper.token });
      return mutate(base, "order.place", { address: ADDRESS, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: key }, { token: shopper.token });
    };
    await checkout("bench-trace-warm-0001");
    await delay(300);
    const from = fs.statSync(traceFile).size;
    const traceKey = "bench-trace-0000002";
    const placed = await checkout(traceKey);
    store.orderTotalMinor = placed.data.total.minor;
    await delay(500); // the outbox deliveries that follow the commit
    const lines = fs.readFileSync(traceFile).subarray(from).toString("utf8").trim().split("\n");
    const transactions = writeTransactions(lines);
    const known = new Set([shopper.userId, store.variantId, `wallet:${shopper.userId}`]);
    const fresh = new Set([traceKey]);
    // Fresh per iteration: every UUID an INSERT carries, and the key of every plain INSERT (not an
    // upsert of an existing row, such as a ledger balance) with the order's number beside it (unique
    // too: replayed as traced, every iteration's order would collide with the traced one and roll
    // back), minus what existed before the checkout.
    for (const tx of transactions) {
      for (const s of tx.statements) {
        if (!/^\s*INSERT/i.test(s.sql)) continue;
        for (const value of JSON.stringify(s.args).match(UUID) ?? []) if (!known.has(value)) fresh.add(value);
        if (/DO\s+UPDATE/i.test(s.sql)) continue;
        const first = s.args[0];
        const keys = first && typeof first === "object" ? [first.id, first.number] : [first];
        for (const key of keys) if (typeof key === "string" && key.length >= 8 && !known.has(key)) fresh.add(key);
      }
    }
    store.checkoutTrace = { transactions, freshValues: [...fresh] };
    log(`traced one checkout: ${transactions.length} write transactions, ${transactions.reduce((n, t) => n + t.statements.length, 0)} writes`);
  } finally {
    await stop(api.child);
  }
  // The bare loop writes to its own copy, so the store the targets see is never touched by it.
  store.loopDb = path.join(dir, "loop.db");
  for (const suffix of ["", "-wal"]) {
    const source = path.join(store.dataDir, `bbscart.db${suffix}`);
    if (fs.existsSync(source)) fs.copyFileSync(source, store.loopDb + suffix);
  }
  return store;
}

/** Fresh access tokens (they live 15 minutes) for shoppers signed in more than 10 minutes ago. */
export async function freshTokens(store, baseUrl, count) {
  const stale = store.shoppers.slice(0, count).filter((s) => Date.now() - s.issuedAt > 10 * 60_000);
  await pool(stale, 2, async (s) => {
    s.token = (await mutate(baseUrl, "auth.login", { email: s.email, password: SHOPPER_PASSWORD })).data.accessToken;
    s.issuedAt = Date.now();
  });
  return store.shoppers.slice(0, count).map((s) => s.token);
}
