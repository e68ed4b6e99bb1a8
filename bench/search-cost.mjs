#!/usr/bin/env node
/**
 * `node bench/search-cost.mjs`: what forgiving typos costs a catalog search (decision 146), on SQLite,
 * at 200 and 20,000 products (the catalog-size study's stores, written by `growCatalog`). Per query,
 * interleaved in rounds, CPU microseconds per call (median of rounds; CPU time, so a busy machine
 * slows it less than wall time):
 *   - as typed: `products.search` alone — what every search cost before the correction existed;
 *   - forgiving: the shop's `catalog.list` path (`forgivingSearch`), which adds a vocabulary lookup
 *     and a second search only when the first finds fewer than 3 products.
 * Also prints the vocabulary's size and the write cost of the products (µs per product created).
 * The study's stores repeat the demo catalog's names, so their vocabulary stays small; a last store
 * of 20,000 products named from made-up words (two each, ~30,000 distinct) shows the lookup and the
 * writes with a large vocabulary.
 *
 *   node bench/search-cost.mjs [--calls N] [--rounds N] [--sizes 200,20000] [--no-wide]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { repoRoot } from "./lib/paths.mjs";
import { growCatalog, load } from "./lib/scale.mjs";
import { SEARCH_TERM, SEARCH_TYPO } from "./lib/store.mjs";

const { values: flags } = parseArgs({
  options: { calls: { type: "string", default: "300" }, rounds: { type: "string", default: "5" }, sizes: { type: "string", default: "200,20000" }, "no-wide": { type: "boolean", default: false } },
});
const calls = Number(flags.calls);
const rounds = Number(flags.rounds);
const sizes = flags.sizes.split(",").map(Number);

const { openDatabase } = await load("@bbscart/db");
const { forgivingSearch } = await import(path.join(repoRoot, "apps/api/dist/services/catalog/spelling.js"));
const query = (search) => ({ cursor: null, limit: 20, search, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "relevance", includeInactive: false });
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** Interleaved rounds of the four cases on the store in `dir`; prints one block. */
async function measure(dir, label, store, term, typo) {
  const db = await openDatabase({ dataDir: dir, sqliteSynchronous: "NORMAL" });
  try {
    /** @type {Array<[string, () => Promise<any>]>} */
    const cases = [
      ["normal, as typed", () => db.repos.products.search(query(term))],
      ["normal, forgiving", () => forgivingSearch(db, query(term))],
      ["typo, as typed", () => db.repos.products.search(query(typo))],
      ["typo, forgiving", () => forgivingSearch(db, query(typo))],
    ];
    /** @type {Map<string, number[]>} */
    const samples = new Map(cases.map(([name]) => [name, []]));
    for (const [, run] of cases) await run(); // warm the statement caches
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of cases) {
        const start = process.cpuUsage();
        for (let i = 0; i < calls; i++) await run();
        const used = process.cpuUsage(start);
        samples.get(name)?.push((used.user + used.system) / calls);
      }
    }
    const answer = await forgivingSearch(db, query(typo));
    process.stdout.write(
      `${label} (vocabulary ${store.words} words, ${store.keys} deletion keys; writing: ${Math.round(store.perProduct)} µs CPU per product, ${Math.round(store.ms)} ms)\n`,
    );
    for (const [name] of cases) process.stdout.write(`  ${name.padEnd(18)} ${median(samples.get(name) ?? []).toFixed(0).padStart(6)} µs CPU per call\n`);
    process.stdout.write(`  "${typo}" forgiving finds ${answer.page.items.length} products as "${answer.suggestion?.query}" ("${term}" finds ${(await db.repos.products.search(query(term))).items.length})\n`);
  } finally {
    await db.close();
  }
}

/** The vocabulary's size in the store at `dir`. */
function vocabularySize(dir) {
  const raw = new Database(path.join(dir, "bbscart.db"), { readonly: true });
  try {
    const count = (/** @type {string} */ table) => /** @type {{ n: number }} */ (raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).n;
    return { words: count("search_vocabulary"), keys: count("search_vocabulary_keys") };
  } finally {
    raw.close();
  }
}

/** 20,000 products named from made-up words (a seeded generator: every run writes the same store). */
async function wideStore(dir) {
  const { defaultStoreSettings } = await load("@bbscart/core");
  const db = await openDatabase({ dataDir: dir, sqliteSynchronous: "NORMAL" });
  let seed = 7;
  // mulberry32
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables = "ka ri mo sa tu ne la po di ve ch an ar in ul sh go ba me ro ti pa du ke lo ni su ha jo ya".split(" ");
  const word = () => Array.from({ length: 3 + Math.floor(next() * 2) }, () => syllables[Math.floor(next() * syllables.length)]).join("");
  const now = new Date();
  const started = process.cpuUsage();
  const at = performance.now();
  let first = "";
  await db.uow.run((repos) => repos.settings.save(defaultStoreSettings));
  await db.uow.run((repos) => repos.categories.create({ id: "c", slug: "c", name: "Wide", parentId: null, position: 0, description: "", image: null, archivedAt: null }));
  for (let start = 0; start < 20_000; start += 500) {
    await db.uow.run(async (repos) => {
      for (let i = start; i < start + 500; i++) {
        const name = `${word()} ${word()}`;
        if (i === 0) first = name.split(" ")[0] ?? "";
        const id = `w${i}`;
        await repos.products.create({
          id, slug: id, name, description: "", categoryId: "c", active: true, images: [], imageAlts: [], taxRateBp: null, createdAt: now, updatedAt: now,
          variants: [{ id: `${id}-v`, productId: id, sku: `W-${i}`, name: "1", price: { minor: 100, currency: "INR" }, stock: { onHand: 1, reserved: 0 }, active: true }],
        });
      }
    });
  }
  await db.close();
  const cpu = process.cpuUsage(started);
  return { first, perProduct: (cpu.user + cpu.system) / 20_000, ms: performance.now() - at };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-search-cost-"));
const [loadBefore = 0] = os.loadavg();
try {
  for (const size of sizes) {
    const written = process.cpuUsage();
    const writtenAt = performance.now();
    const before = fs.existsSync(path.join(dataDir, "bench-products")) ? Number(fs.readFileSync(path.join(dataDir, "bench-products"), "utf8")) : 0;
    await growCatalog(dataDir, size);
    const writeCpu = process.cpuUsage(written);
    const perProduct = (writeCpu.user + writeCpu.system) / Math.max(1, size - before);
    await measure(dataDir, `${size} products`, { ...vocabularySize(dataDir), perProduct, ms: performance.now() - writtenAt }, SEARCH_TERM, SEARCH_TYPO);
  }
  if (!flags["no-wide"]) {
    const wideDir = path.join(dataDir, "wide");
    fs.mkdirSync(wideDir);
    const wide = await wideStore(wideDir);
    // The first product's first word with its second letter dropped: one edit away.
    const typo = wide.first.slice(0, 1) + wide.first.slice(2);
    await measure(wideDir, "20000 products, distinct names", { ...vocabularySize(wideDir), ...wide }, wide.first, typo);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`load average ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after (${os.cpus().length} cores)\n`);
}
