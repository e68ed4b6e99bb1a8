// `npm start`: the whole shop from the built output — the API (serving the web app) and the worker —
// on the embedded defaults. The build has already run (see the root package.json).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runShop } from "./launch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The demo takes no real money: it names the sandbox provider explicitly (production requires a choice).
// The launcher adds the heap and glibc allocator settings (scripts/heap.mjs).
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || "production",
  PAYMENT_PROVIDER: process.env.PAYMENT_PROVIDER || "sandbox",
};

// A fresh installation gets the demo store; an existing one is left exactly as it is.
const seed = spawnSync(process.execPath, [path.join(root, "apps/api/dist/scripts/seed.js"), "--if-empty"], { env, stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const ready = await runShop({ api: path.join(root, "apps/api/dist/server.js"), worker: path.join(root, "apps/api/dist/worker.js"), env });
console.log(`\n  BBSCART is running at ${ready.url}\n  (API + web + worker; Ctrl+C stops all three)\n`);
if (env.PAYMENT_PROVIDER === "sandbox") console.log("  Payments: SANDBOX — no real money (test card 4242 4242 4242 4242)\n");
