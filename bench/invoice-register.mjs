#!/usr/bin/env node
/**
 * `node bench/invoice-register.mjs`: the GSTR-1 invoice register (ADR 154) streams in flat memory.
 * `--documents` generated tax invoices (half with one GST rate, half with two, so rows outnumber
 * documents) go through the built exporter (`registerCsv`) in pages of `--page` and out through a
 * stream with backpressure, as the HTTP route sends them; RSS and heap are sampled throughout.
 * The same run at a tenth of the size gives the comparison: flat memory means the same growth.
 *
 * The documents come from a generator, not the database: the issuing service (and its storage)
 * arrives separately, and the exporter only sees a `TaxDocumentSource`'s pages, so this measures
 * exactly the exporter and the CSV writer. Run `npx turbo run build --filter=@bbscart/api` first.
 *
 *   node --expose-gc bench/invoice-register.mjs [--documents N] [--page N]
 */
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/paths.mjs";
import { machineLoad } from "./lib/procs.mjs";

const { values: flags } = parseArgs({ options: { documents: { type: "string", default: "100000" }, page: { type: "string", default: "500" } } });
const total = Number(flags.documents);
const pageSize = Number(flags.page);

const { registerCsv } = await import(pathToFileURL(path.join(repoRoot, "apps/api/dist/services/invoices/index.js")).href);

const party = (i) => ({
  name: i % 7 === 0 ? `श्रीमती ग्राहक ${i}` : `Customer ${i}`,
  gstin: i % 3 === 0 ? "27AAPFS1234K1Z2" : null,
  addressLines: [`${i} MG Road`, "Bengaluru 560001"],
  stateGstCode: i % 2 === 0 ? "29" : "27",
  stateName: i % 2 === 0 ? "Karnataka" : "Maharashtra",
});

/** A consistent invoice: intra-state for even i, inter-state for odd; two rates for every other one. */
function invoice(i) {
  const buyer = party(i);
  const intra = buyer.stateGstCode === "29";
  const line = (rateBp, taxableMinor) => {
    const tax = Math.round((taxableMinor * rateBp) / 10_000);
    const cgst = intra ? Math.ceil(tax / 2) : 0;
    return { description: `Item ${i}`, hsnOrSac: "6206", quantity: 1, taxableMinor, rateBp, cgstMinor: cgst, sgstMinor: intra ? tax - cgst : 0, igstMinor: intra ? 0 : tax, totalMinor: taxableMinor + tax };
  };
  const lines = i % 2 === 0 ? [line(500, 100_000 + i)] : [line(500, 100_000 + i), line(1800, 20_000 + i)];
  const sum = (key) => lines.reduce((s, l) => s + l[key], 0);
  return {
    kind: "tax-invoice",
    number: `INV/26-27/${String(i).padStart(6, "0")}`,
    issuedAt: new Date(Date.UTC(2026, 3, 1) + i * 1000).toISOString(),
    currency: "INR",
    orderNumber: `BB-${100000 + i}`,
    refersTo: null,
    seller: { ...party(0), name: "BBSCART Retail", gstin: "29AABCB1234C1Z5" },
    buyer,
    placeOfSupply: { stateGstCode: buyer.stateGstCode, stateName: buyer.stateName },
    supply: intra ? "intra-state" : "inter-state",
    lines,
    totals: { taxableMinor: sum("taxableMinor"), cgstMinor: sum("cgstMinor"), sgstMinor: sum("sgstMinor"), igstMinor: sum("igstMinor"), totalMinor: sum("totalMinor") },
  };
}

/** What a TaxDocumentSource yields: pages built on demand, as a database cursor would. */
async function* pages(count) {
  for (let start = 0; start < count; start += pageSize) {
    yield Array.from({ length: Math.min(pageSize, count - start) }, (_, k) => invoice(start + k));
    // A database round trip per page: lets the event loop (and the sampler) run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

async function run(count) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  let bytes = 0;
  let rows = -1; // the header is not a row
  // A reader slower than the writer, as a client's socket is: backpressure must hold the pages back.
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk, _encoding, done) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) rows += 1;
      setImmediate(done);
    },
  });
  const started = performance.now();
  await pipeline(Readable.from(registerCsv("invoices", pages(count))), sink);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { documents: count, rows, mb: mb(bytes), seconds: seconds.toFixed(1), rssGrowth: mb(peakRss - before.rss), heapGrowth: mb(peakHeap - before.heapUsed), peakRss: mb(peakRss) };
}

process.stdout.write(`invoice register bench: ${JSON.stringify(machineLoad())}, gc exposed: ${typeof globalThis.gc === "function"}\n`);
process.stdout.write("source: generated TaxDocuments, so the figures are the exporter's and the CSV writer's alone (the database read is the registers' keyset pages)\n");
for (const count of [Math.round(total / 10), total]) {
  const r = await run(count);
  process.stdout.write(`${String(r.documents).padStart(7)} documents → ${String(r.rows).padStart(7)} rows, ${r.mb} MB of CSV in ${r.seconds} s; peak growth over the start: RSS ${r.rssGrowth} MB, heap ${r.heapGrowth} MB (peak RSS ${r.peakRss} MB)\n`);
}
