import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { useLaunch } from "./launch.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

const tempDir = useTempDirs();
const launch = useLaunch(tempDir);

describe("start-up failures print one line and exit non-zero", () => {
  it("stops on a malformed PORT, naming it", async () => {
    const run = launch("server", { PORT: "abc" });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toBe('Invalid configuration: PORT must be a whole number (got "abc")\n');
  });

  it("stops when Redis is unreachable, naming the URL and how to start Redis", async () => {
    for (const entry of ["server", "worker"] as const) {
      const run = launch(entry, { REDIS_URL: testEnv.closedRedisUrl });
      expect(await run.exited).toBe(1);
      const lines = run.output().stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)\. Start one with "redis-server/);
    }
  });
});

describe("an unusable DATA_DIR", () => {
  const seed = (dataDir: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/scripts/seed.ts", "--if-empty"], {
        cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, REDIS_URL: testEnv.redisUrl },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.once("exit", (code) => resolve({ code, stderr }));
    });

  it("stops the API, the worker and the seed (npm start's first step) with one line naming the folder", async () => {
    const file = path.join(tempDir(), "not-a-folder");
    fs.writeFileSync(file, "x");
    for (const [dataDir, entries] of [[file, ["server", "worker"]], [path.join(file, "data"), ["server"]]] as const) {
      for (const entry of entries) {
        const run = launch(entry, { DATA_DIR: dataDir });
        expect(await run.exited).toBe(1);
        expect(run.output().stderr).toBe(`DATA_DIR ${dataDir} is not a folder (a file is in the way); fix it or set DATA_DIR to a writable folder.\n`);
      }
    }
    const seeded = await seed(file);
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toBe(`DATA_DIR ${file} is not a folder (a file is in the way); fix it or set DATA_DIR to a writable folder.\n`);
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight at SIGTERM, then exits 0", async () => {
    const run = launch("server", {});
    const { port } = await run.ready;

    // A request whose body is still arriving when the signal lands: the server must answer it.
    const request = http.request({ port, host: "127.0.0.1", method: "POST", path: "/trpc/system.info", headers: { "content-type": "application/json", "content-length": "2" } });
    const response = new Promise<number>((resolve, reject) => {
      request.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on("error", reject);
    });
    request.write("{");
    await new Promise((resolve) => setTimeout(resolve, 100));
    run.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.child.exitCode).toBeNull();
    request.end("}");

    // tRPC refuses a query sent as POST — what matters is that an answer came after the signal.
    expect(await response).toBe(405);
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('"msg":"stopped"');
  });

  it("stops the worker cleanly on SIGTERM", async () => {
    const run = launch("worker", {});
    await run.ready;
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/"msg":"worker ready".*"msg":"shutting down".*"msg":"stopped"/s);
  });
});

describe("Ctrl+C in a terminal", () => {
  it("drains the API and the worker once each and exits 0 when SIGINT reaches the whole process group", async () => {
    const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    // detached: a process group of its own, as a shell gives a foreground job.
    const shop = spawn(process.execPath, ["--import", "tsx", "test/shop-from-source.ts"], {
      cwd: apiDir,
      detached: true,
      env: { PATH: process.env.PATH, DATA_DIR: tempDir(), REDIS_URL: testEnv.redisUrl, REDIS_PREFIX: `test-${process.pid}-ctrl-c`, PORT: "0", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    shop.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    shop.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => shop.once("exit", (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(output).toContain("running\n"), { timeout: 60_000, interval: 100 });
      process.kill(-shop.pid!, "SIGINT");
      expect(await exited).toBe(0);
      expect(output).not.toContain("second signal");
      expect(output.match(/"msg":"stopped"/g)).toHaveLength(2);
    } finally {
      if (shop.exitCode === null) process.kill(-shop.pid!, "SIGKILL");
    }
  }, 90_000);
});
