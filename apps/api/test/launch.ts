import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { testEnv } from "./test-env.js";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs entry points from source exactly as `node` would, with IPC so they can announce readiness;
 * any still running after a test is killed. `tempDir` gives each run its own DATA_DIR by default.
 */
export function useLaunch(tempDir: () => string) {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  return function launch(entry: "server" | "worker", env: Record<string, string>) {
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
    /** The exit code; null when a signal ended the process (then `child.signalCode` names it). */
    const exited = once(child, "exit").then(([code]) => code as number | null);
    const ready = new Promise<{ port?: number }>((resolve, reject) => {
      child.on("message", (message: { type?: string; port?: number }) => message.type === "ready" && resolve(message));
      void exited.then((code) => reject(new Error(`exited with ${code} before ready: ${stderr}`)));
    });
    // Runs that are expected to fail never await readiness; keep that from counting as unhandled.
    ready.catch(() => undefined);
    return { child, exited, ready, output: () => ({ stdout, stderr }) };
  };
}
