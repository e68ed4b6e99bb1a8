/**
 * What the API loads at start-up (decision 106): libraries only rare requests or other deployments
 * need are loaded by their first use, so they cost no resident memory in a process that never uses
 * them. Their behaviour is covered where they are used (invoices, notifications, payments tests).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { removeKeys } from "./redis-keys.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tempDir = useTempDirs();
const redisPrefix = `test-${process.pid}-modules`;
afterAll(() => removeKeys(redisPrefix));

// Module hooks run on a loader thread: they note every file URL loaded through `import` in the file
// named by MODULES_FILE. CommonJS files required at run time are read from require.cache at exit.
const hooks = `import fs from "node:fs"; export async function load(url, context, next) { if (url.startsWith("file:")) fs.appendFileSync(process.env.MODULES_FILE, url + "\\n"); return next(url, context); }`;
const recorder = [
  `import { register, createRequire } from "node:module";`,
  `import fs from "node:fs";`,
  `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
  `const require = createRequire(process.cwd() + "/");`,
  `process.on("exit", () => fs.appendFileSync(process.env.MODULES_FILE, Object.keys(require.cache).map((f) => "file://" + f).join("\\n") + "\\n"));`,
].join("\n");

const running: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Every module file the API has loaded from its start until it stopped, once it served. */
async function modulesOfServedApi(): Promise<string[]> {
  const modulesFile = path.join(tempDir(), "modules.txt");
  const child = spawn(process.execPath, ["--import", "tsx", "--import", `data:text/javascript,${encodeURIComponent(recorder)}`, "src/server.ts"], {
    cwd: apiDir,
    env: { PATH: process.env.PATH, DATA_DIR: tempDir(), REDIS_URL: testEnv.redisUrl, REDIS_PREFIX: redisPrefix, PORT: "0", LOG_LEVEL: "warn", MODULES_FILE: modulesFile },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  running.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.on("message", (message: { type?: string }) => message.type === "ready" && resolve());
    void exited.then(() => reject(new Error(`the API exited before it served:\n${stderr}`)));
  });
  child.kill("SIGTERM");
  await exited;
  return fs.readFileSync(modulesFile, "utf8").trim().split("\n");
}

describe("API start-up", () => {
  it("serves without loading MongoDB's driver, React Email, pdfkit or the Razorpay SDK (SQLite, sandbox payments)", async () => {
    const modules = await modulesOfServedApi();
    // The recorder sees the API's own sources and the libraries it does load.
    expect(modules.some((url) => url.endsWith("/src/compose.ts"))).toBe(true);
    expect(modules.some((url) => url.includes("/node_modules/better-sqlite3/"))).toBe(true);
    for (const library of ["mongoose", "mongodb", "@react-email/components", "pdfkit", "fontkit", "razorpay"]) {
      expect(modules.filter((url) => url.includes(`/node_modules/${library}/`))).toEqual([]);
    }
  }, 90_000);
});
