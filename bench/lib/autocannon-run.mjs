/**
 * The autocannon side of a measurement, run as its own process so it can be pinned to the load
 * core: a discarded warm-up, then the measured run. Prints `MEASURE_START` when the measured run
 * begins (after `WARMUP_DONE`, once the parent answers on stdin) and one `AC_JSON {...}` line at the end, including its own CPU time over the measured run.
 *
 * Modes: `get` replays one URL; `checkout` runs `cart.add` then `order.place` (wallet) on every
 * connection, each connection signed in as its own pre-funded shopper. Paced shoppers are
 * paced-shoppers.mjs: autocannon's own rate is a burst at the start of every second.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { percentile } from "./report.mjs";

if (!process.argv[2]) throw new Error("usage: node autocannon-run.mjs <json config>");
const config = JSON.parse(process.argv[2]);

/**
 * autocannon clears a connection's context at every turn of the sequence, so the shopper is
 * taken from a pool at `cart.add` and handed back when `order.place` answers: each iteration in
 * flight has its own shopper, and no two connections ever share a cart.
 */
function checkoutRequests(stats) {
  const run = randomBytes(4).toString("hex");
  let nextKey = 0;
  let spare = 0;
  const { tokens, address, deliveryOptionId, cartAddBody } = config.checkout;
  const free = [...tokens];
  return [
    {
      method: "POST",
      path: "/trpc/cart.add",
      setupRequest(request, context) {
        // Empty only if a socket error skipped a hand-back; then shoppers are reused in turn.
        context.token = free.pop() ?? tokens[spare++ % tokens.length];
        context.started = performance.now();
        return { ...request, body: cartAddBody, headers: { "content-type": "application/json", authorization: `Bearer ${context.token}` } };
      },
      onResponse(status) {
        if (status !== 200) stats.failed.cart += 1;
      },
    },
    {
      method: "POST",
      path: "/trpc/order.place",
      setupRequest(request, context) {
        const input = { address, deliveryOptionId, paymentMethod: "wallet", idempotencyKey: `bench-${run}-${++nextKey}` };
        return { ...request, body: JSON.stringify({ json: input }), headers: { "content-type": "application/json", authorization: `Bearer ${context.token}` } };
      },
      onResponse(status, body, context) {
        free.push(context.token);
        if (status === 200 && body.includes('"status":"confirmed"')) {
          stats.orders += 1;
          if (stats.measuring) stats.iterationMs.push(performance.now() - context.started);
        } else {
          stats.failed.order += 1;
          if (stats.sample === null) stats.sample = `${status} ${String(body).slice(0, 300)}`;
        }
      },
    },
  ];
}

async function once(durationS, stats) {
  const options = { url: config.url, connections: config.connections, duration: durationS, timeout: config.timeoutS ?? 10, headers: config.headers ?? {} };
  if (config.mode === "checkout") options.requests = checkoutRequests(stats);
  return autocannon(options);
}

const stats = { orders: 0, failed: { cart: 0, order: 0 }, iterationMs: [], sample: null, measuring: false };
if (config.warmupS > 0) {
  await once(config.warmupS, stats);
  // The parent waits until the server has finished what the warm-up left in flight, then says GO.
  process.stdout.write("WARMUP_DONE\n");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
}
Object.assign(stats, { orders: 0, failed: { cart: 0, order: 0 }, iterationMs: [], sample: null, measuring: true });
process.stdout.write("MEASURE_START\n");
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await once(config.durationS, stats);
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const sorted = stats.iterationMs.sort((a, b) => a - b);
const out = {
  requests: result.requests.total,
  durationS: result.duration,
  rps: result.requests.total / result.duration,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  bytes: result.throughput.total,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  toolCpu: (cpu.user + cpu.system) / 1e6 / wallS,
};
if (config.mode === "checkout") {
  Object.assign(out, {
    orders: stats.orders,
    ordersPerS: stats.orders / result.duration,
    iterationP50Ms: percentile(sorted, 50),
    iterationP99Ms: percentile(sorted, 99),
    failedCart: stats.failed.cart,
    failedOrder: stats.failed.order,
    failureSample: stats.sample,
  });
}
process.stdout.write(`AC_JSON ${JSON.stringify(out)}\n`);
