/**
 * Paced shoppers, run as their own process so they can be pinned to the load core: orders
 * (`cart.add` then `order.place` by wallet) started at `overallRate / 2` a second on average, at
 * exponentially distributed intervals, each by a free shopper of the pool (an order due while every
 * shopper is busy starts as soon as one is free).
 * Prints `MEASURE_START`, then one `AC_JSON {...}` line with the fields autocannon-run.mjs reports.
 *
 * Why not autocannon's `overallRate`: it is a per-second budget per connection, so each connection
 * sends its share back to back as every second starts and then waits — the mixed target's 50
 * orders/s arrived as one burst a second (an event-loop turn of 20–35 ms every ~100 ms on the API),
 * which is not how shoppers arrive and was most of the catalog's p99 while they bought.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { percentile } from "./report.mjs";

if (!process.argv[2]) throw new Error("usage: node paced-shoppers.mjs <json config>");
const config = JSON.parse(process.argv[2]);
const { tokens, address, deliveryOptionId, cartAddBody } = config.checkout;
const target = new URL(config.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: config.connections });
const orderEveryMs = 2000 / config.overallRate;
const run = randomBytes(4).toString("hex");

/** @type {{ requests: number; orders: number; errors: number; non2xx: number; failedCart: number; failedOrder: number; sample: string | null; iterationMs: number[]; requestMs: number[] }} */
const stats = { requests: 0, orders: 0, errors: 0, non2xx: 0, failedCart: 0, failedOrder: 0, sample: null, iterationMs: [], requestMs: [] };

/** One POST of a tRPC mutation on the shared keep-alive agent; resolves with its status and body. */
function post(path, body, token) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      { agent, host: target.hostname, port: target.port, method: "POST", path, timeout: 10_000, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
          stats.requests += 1;
          stats.requestMs.push(performance.now() - started);
          if (response.statusCode !== 200) stats.non2xx += 1;
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

let nextKey = 0;
async function order(token) {
  const started = performance.now();
  try {
    const cart = await post("/trpc/cart.add", cartAddBody, token);
    if (cart.status !== 200) {
      stats.failedCart += 1;
      stats.sample ??= `cart.add ${cart.status} ${cart.body.slice(0, 300)}`;
      return;
    }
    const input = { address, deliveryOptionId, paymentMethod: "wallet", idempotencyKey: `paced-${run}-${++nextKey}` };
    const placed = await post("/trpc/order.place", JSON.stringify({ json: input }), token);
    if (placed.status === 200 && placed.body.includes('"status":"confirmed"')) {
      stats.orders += 1;
      stats.iterationMs.push(performance.now() - started);
    } else {
      stats.failedOrder += 1;
      stats.sample ??= `order.place ${placed.status} ${placed.body.slice(0, 300)}`;
    }
  } catch (error) {
    stats.errors += 1;
    stats.sample ??= String(error);
  }
}

// Each shopper places one order at a time (its cart is its own); an order due while all are busy waits for one.
const free = tokens.slice(0, config.connections);
let due = 0;
const inFlight = new Set();
const launch = () => {
  while (due > 0 && free.length > 0) {
    due -= 1;
    const token = free.pop();
    const placing = order(token).finally(() => {
      inFlight.delete(placing);
      free.push(token);
      launch();
    });
    inFlight.add(placing);
  }
};

process.stdout.write("MEASURE_START\n");
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const end = t0 + config.durationS * 1000;
// Exponential gaps between starts: a Poisson stream, as independent shoppers arrive (neither a burst a
// second nor a metronome, which would never let two orders share a commit).
for (let at = t0; ; at += -Math.log(1 - Math.random()) * orderEveryMs) {
  if (at >= end) break;
  const wait = at - performance.now();
  if (wait > 0) await sleep(wait);
  due += 1;
  launch();
}
await Promise.all(inFlight);
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
agent.destroy();
const iterations = stats.iterationMs.sort((a, b) => a - b);
const requests = stats.requestMs.sort((a, b) => a - b);
const out = {
  requests: stats.requests,
  durationS: wallS,
  rps: stats.requests / wallS,
  p50Ms: percentile(requests, 50),
  p99Ms: percentile(requests, 99),
  errors: stats.errors,
  timeouts: 0,
  non2xx: stats.non2xx,
  toolCpu: (cpu.user + cpu.system) / 1e6 / wallS,
  orders: stats.orders,
  ordersPerS: stats.orders / wallS,
  iterationP50Ms: percentile(iterations, 50),
  iterationP99Ms: percentile(iterations, 99),
  failedCart: stats.failedCart,
  failedOrder: stats.failedOrder,
  failureSample: stats.sample,
};
process.stdout.write(`AC_JSON ${JSON.stringify(out)}\n`);
