/**
 * The heap settings we choose (decision 106): every way the shop is started gives the API and the
 * worker the same V8 flags, and an operator's NODE_OPTIONS overrides them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- a plain JavaScript module without types, shared with scripts/start.mjs and the bench
import { HEAP_FLAGS as heapFlags, MALLOC_SETTINGS as mallocSettings } from "../../../scripts/heap.mjs";
// @ts-expect-error -- a plain JavaScript module without types, shared with scripts/start.mjs
import { launch as launchUntyped } from "../../../scripts/launch.mjs";
import { removeKeys } from "./redis-keys.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

const HEAP_FLAGS = heapFlags as readonly string[];
const MALLOC_SETTINGS = mallocSettings as Record<string, string>;
type Report = { heapLimit: number; threads: number; cores: number };
type Launched = { child: ChildProcess; ready: Promise<Report> };
const launch = launchUntyped as (entry: string, options: { env: NodeJS.ProcessEnv }) => Launched;

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(apiDir, "../..");
const tempDir = useTempDirs();
const redisPrefix = `test-${process.pid}-heap`;
afterAll(() => removeKeys(redisPrefix));
const MiB = 1024 * 1024;
const oldSpaceMiB = Number(/^--max-old-space-size=(\d+)$/.exec(HEAP_FLAGS.find((f) => f.startsWith("--max-old-space-size=")) ?? "")?.[1]);

/**
 * What a launched child reports about itself: how far its V8 heap may grow (bytes), how many threads
 * it runs (main, V8's helper pool, Node's own), and how many cores it may use.
 */
async function reportOf(env: NodeJS.ProcessEnv): Promise<Report> {
  const entry = path.join(tempDir(), "report-heap.mjs");
  fs.writeFileSync(
    entry,
    `import fs from "node:fs";\nimport os from "node:os";\nimport v8 from "node:v8";\n` +
      `process.send({ type: "ready", heapLimit: v8.getHeapStatistics().heap_size_limit, threads: fs.readdirSync("/proc/self/task").length, cores: os.availableParallelism() }, () => process.disconnect());\n`,
  );
  const { child, ready } = launch(entry, { env });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const report = await ready;
  await exited;
  return report;
}
const heapLimitOf = async (env: NodeJS.ProcessEnv) => (await reportOf(env)).heapLimit;

describe("heap settings", () => {
  it("names an old-space limit and a semi-space limit", () => {
    expect(oldSpaceMiB).toBeGreaterThan(0);
    expect(HEAP_FLAGS.some((f) => /^--max-semi-space-size=\d+$/.test(f))).toBe(true);
  });

  it("bounds the heap of a process npm start's launcher starts", async () => {
    const limit = await heapLimitOf({ PATH: process.env.PATH });
    // The limit covers the old space plus the young generation (a few semi-spaces).
    expect(limit).toBeGreaterThanOrEqual(oldSpaceMiB * MiB);
    expect(limit).toBeLessThan((oldSpaceMiB + 64) * MiB);
  });

  it("lets the operator's NODE_OPTIONS override them", async () => {
    const limit = await heapLimitOf({ PATH: process.env.PATH, NODE_OPTIONS: `--max-old-space-size=${oldSpaceMiB + 512}` });
    expect(limit).toBeGreaterThanOrEqual((oldSpaceMiB + 512) * MiB);
  });

  it("size V8's helper threads from the cores the process may use, not a fixed four (decision 156)", async () => {
    const ours = await reportOf({ PATH: process.env.PATH });
    // Node's default pool, as an operator's NODE_OPTIONS may still ask for it.
    const fixed = await reportOf({ PATH: process.env.PATH, NODE_OPTIONS: "--v8-pool-size=4" });
    expect(fixed.threads - ours.threads).toBe(4 - Math.max(1, ours.cores - 1));
  });

  it("reach the API and the worker npm start runs", async () => {
    const shop = spawn(process.execPath, ["--import", "tsx", "test/shop-from-source.ts"], {
      cwd: apiDir,
      detached: true,
      env: { PATH: process.env.PATH, DATA_DIR: tempDir(), REDIS_URL: testEnv.redisUrl, REDIS_PREFIX: redisPrefix, PORT: "0", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    shop.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    shop.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => shop.once("exit", resolve));
    try {
      await vi.waitFor(() => expect(output).toContain("running\n"), { timeout: 60_000, interval: 100 });
      const children = fs.readFileSync(`/proc/${shop.pid}/task/${shop.pid}/children`, "utf8").trim().split(/\s+/);
      expect(children).toHaveLength(2);
      for (const pid of children) {
        const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        expect(environ).toContain(`NODE_OPTIONS=${HEAP_FLAGS.join(" ")}`);
        for (const [name, value] of Object.entries(MALLOC_SETTINGS)) expect(environ).toContain(`${name}=${value}`);
      }
    } finally {
      if (shop.exitCode === null) process.kill(-shop.pid!, "SIGTERM");
      await exited;
    }
  }, 90_000);

  it("are the ones the container image and apps/api's start scripts carry", () => {
    const flags = HEAP_FLAGS.join(" ");
    const dockerfile = fs.readFileSync(path.join(repoRoot, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`NODE_OPTIONS="${flags}"`);
    for (const [name, value] of Object.entries(MALLOC_SETTINGS)) expect(dockerfile).toContain(`${name}=${value} \\`);
    const { scripts } = JSON.parse(fs.readFileSync(path.join(apiDir, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`NODE_OPTIONS="${flags} $NODE_OPTIONS" node dist/server.js`);
    expect(scripts.worker).toBe(`NODE_OPTIONS="${flags} $NODE_OPTIONS" node dist/worker.js`);
  });
});
