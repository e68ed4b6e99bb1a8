/**
 * Child processes of the bench: servers pinned to one core, load tools pinned to the other,
 * CPU time and peak RSS read from /proc. Every child is started here and stopped by its pid.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { setTimeout as delay } from "node:timers/promises";

const cores = os.availableParallelism();
export const hasTaskset = cores >= 2 && spawnSync("taskset", ["-V"]).status === 0;
/** Core 0 serves, core 1 loads (when there are two cores and taskset exists). */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/** `argv` prefixed with `taskset -c <core>` where pinning is available (taskset execs, so the pid is the program's). */
export function pinned(core, argv) {
  return hasTaskset ? ["taskset", "-c", String(core), ...argv] : argv;
}

const ticks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU seconds a process has used so far (0 when it is gone). */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0;
  }
}

/**
 * Starts a new peak: the kernel sets VmHWM back to the current RSS (`5` to clear_refs, Linux 4.0+),
 * so the peak read after a measurement is the load's, not the set-up's (shoppers' argon2 sign-ins).
 * Where the file cannot be written the peak stays the process's whole life's, which only errs high.
 */
export function resetPeakRss(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not allowed: the peak read later includes everything before.
  }
}

/** Peak resident set size in bytes (VmHWM), or current RSS when the peak is not reported. */
export function peakRss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /VmHWM:\s+(\d+)/.exec(status) ?? /VmRSS:\s+(\d+)/.exec(status);
    return kib ? Number(kib[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * A child started by {@link start}: `exited` settles once, when it is gone.
 * @typedef {import("node:child_process").ChildProcess & { exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }} Child
 */

/**
 * Spawns a process with stdout/stderr appended to `logFile`; returns the child.
 * @param {string[]} argv
 * @param {{ env?: NodeJS.ProcessEnv; logFile?: string; cwd?: string }} [options]
 * @returns {Child}
 */
export function start(argv, { env, logFile, cwd } = {}) {
  const out = logFile ? fs.openSync(logFile, "a") : "ignore";
  const spawned = spawn(/** @type {string} */ (argv[0]), argv.slice(1), { env: { ...process.env, ...env }, cwd, stdio: ["ignore", out, out] });
  if (typeof out === "number") fs.closeSync(out);
  const child = /** @type {Child} */ (spawned);
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return child;
}

/**
 * Waits until `url` answers 200, failing early if the process exits.
 * @param {string} url
 * @param {Child} child
 * @param {{ timeoutMs?: number; logFile?: string }} [options]
 */
export async function waitForHttp(url, child, { timeoutMs = 30_000, logFile } = {}) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  child.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before answering ${url}${logFile ? `; see ${logFile}` : ""}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await delay(100);
  }
  throw new Error(`no answer from ${url} after ${timeoutMs} ms${logFile ? `; see ${logFile}` : ""}`);
}

/**
 * SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone.
 * @param {Child} child
 */
export async function stop(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/**
 * A free TCP port on loopback.
 * @returns {Promise<number>}
 */
export async function freePort() {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      // Listening on a TCP address, so the address is an AddressInfo, never a pipe name.
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** The 1-minute load average and how many cores there are, for the report's header. */
export function machineLoad() {
  return { loadavg1: os.loadavg()[0], cores, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version };
}
