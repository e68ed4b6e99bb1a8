import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Runs an entry point from source exactly as `node` would, with IPC so it can announce readiness. */
function launch(entry: "server" | "worker", env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", `src/${entry}.ts`], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: tempDir(),
      REDIS_URL: testEnv.redisUrl,
      PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const ready = new Promise<{ port?: number }>((resolve, reject) => {
    child.on("message", (message: { type?: string; port?: number }) => message.type === "ready" && resolve(message));
    void exited.then((code) => reject(new Error(`exited with ${code} before ready: ${stderr}`)));
  });
  // Runs that are expected to fail never await readiness; keep that from counting as unhandled.
  ready.catch(() => undefined);
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

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
