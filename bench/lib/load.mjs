/**
 * One measurement: a discarded warm-up then the measured run, from wrk (GET targets, when it is
 * installed: its CPU per request is far below autocannon's) or autocannon (checkout sequences,
 * and GET targets without wrk), pinned to the load core. Server CPU and peak RSS come from /proc.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { cpuSeconds, LOAD_CORE, peakRss, pinned, resetPeakRss } from "./procs.mjs";
import { repoRoot } from "./paths.mjs";

export const hasWrk = spawnSync("wrk", ["--version"]).error === undefined;

/**
 * How long each wrk connection waits before its first request (wrk-report.lua, decision 160): long
 * enough for a server that is idle or lightly loaded to accept all of them, one per event-loop turn.
 */
const WRK_OPENING_MS = 200;

/** Collects a child's stdout as text while letting the caller watch for marker lines. */
function collect(child, onLine) {
  let text = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    text += chunk;
    for (const line of chunk.split("\n")) if (line) onLine?.(line);
  });
  child.stderr.setEncoding("utf8");
  let err = "";
  child.stderr.on("data", (chunk) => (err += chunk));
  return () => ({ text, err });
}

async function spawnCollect(argv, onLine) {
  const { spawn } = await import("node:child_process");
  const child = spawn(argv[0], argv.slice(1), { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  const output = collect(child, (line) => onLine?.(line, child));
  const exit = await new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exit, ...output() };
}

/**
 * Waits until the server has finished the requests a warm-up left in flight (its CPU stays under
 * 5% of a core for 300 ms, at most 15 s), so the measured run starts from a quiet server.
 */
export async function settle(pid) {
  const deadline = Date.now() + 15_000;
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (Date.now() < deadline && quiet < 3) {
    await delay(100);
    const now = cpuSeconds(pid);
    quiet = now - last < 0.005 ? quiet + 1 : 0;
    last = now;
  }
}

/** Polls a process's CPU seconds until stopped; returns the last reading (the process may be gone). */
function watchCpu(pid) {
  let last = cpuSeconds(pid);
  const timer = setInterval(() => {
    const now = cpuSeconds(pid);
    if (now > 0) last = now;
  }, 100);
  return () => {
    clearInterval(timer);
    const now = cpuSeconds(pid);
    return now > 0 ? now : last;
  };
}

/**
 * Measures `url` (GET) or a checkout sequence against `server` (a running child). Returns req/s,
 * latency percentiles in ms, error counts, bytes per response, the tool's and the server's CPU
 * (fraction of one core) and the server's peak RSS.
 * `headers` go with every GET (e.g. `Accept-Encoding`, to measure compressed answers).
 * `overallRate` paces a checkout run (requests per second in all, two per order): orders start as a
 * Poisson stream (paced-shoppers.mjs); a warm-up of 0 s skips the wait for a quiet server, so a run
 * can measure alongside another load.
 * @param {{ server: import("./procs.mjs").Child; url: string; connections: number; warmupS: number; durationS: number; mode?: "get" | "checkout"; checkout?: object; tool?: "wrk" | "autocannon"; headers?: Record<string, string>; overallRate?: number }} options
 */
export async function measure({ server, url, connections, warmupS, durationS, mode = "get", checkout, tool, headers = {}, overallRate }) {
  const useWrk = mode === "get" && (tool ?? (hasWrk ? "wrk" : "autocannon")) === "wrk";
  // The peak from here on: the warm-up and the measured run, not what set-up made the server do.
  resetPeakRss(server.pid);
  let serverCpu0 = 0;
  let t0 = 0;
  let result;
  if (useWrk) {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
    const wrk = (seconds) =>
      pinned(LOAD_CORE, ["wrk", "-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", ...headerArgs, "-s", path.join(repoRoot, "bench/lib/wrk-report.lua"), url, "--", String(WRK_OPENING_MS), String(connections)]);
    if (warmupS > 0) {
      await spawnCollect(wrk(warmupS));
      await settle(server.pid);
    }
    serverCpu0 = cpuSeconds(server.pid);
    t0 = performance.now();
    const { spawn } = await import("node:child_process");
    const argv = wrk(durationS);
    const child = spawn(argv[0], argv.slice(1), { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    const stopWatch = watchCpu(child.pid);
    const output = collect(child);
    await new Promise((resolve) => child.once("exit", resolve));
    const toolCpuS = stopWatch();
    const { text, err } = output();
    const line = text.split("\n").find((l) => l.startsWith("WRK_JSON "));
    if (!line) throw new Error(`wrk gave no result: ${text} ${err}`);
    const w = JSON.parse(line.slice(9));
    // The opening carries no requests: the rate and the tool's CPU are over the rest.
    const seconds = (w.duration_us - WRK_OPENING_MS * 1000) / 1e6;
    t0 += WRK_OPENING_MS;
    result = {
      tool: "wrk",
      requests: w.requests,
      rps: w.requests / seconds,
      p50Ms: w.p50_us / 1000,
      p99Ms: w.p99_us / 1000,
      errors: w.connect + w.read + w.write,
      timeouts: w.timeout,
      non2xx: w.status,
      bytesPerResponse: w.requests ? w.bytes / w.requests : 0,
      toolCpu: toolCpuS / seconds,
    };
  } else {
    const config = { mode, url, connections, warmupS, durationS, checkout, headers, overallRate };
    // Paced shoppers start their orders as a Poisson stream (paced-shoppers.mjs); autocannon's own rate is a burst a second.
    const paced = overallRate !== undefined;
    if (paced && (mode !== "checkout" || warmupS > 0)) throw new Error("only checkouts are paced, and paced shoppers take no warm-up: run them once to warm up");
    const argv = pinned(LOAD_CORE, [process.execPath, path.join(repoRoot, "bench/lib", paced ? "paced-shoppers.mjs" : "autocannon-run.mjs"), JSON.stringify(config)]);
    const { text, err, exit } = await spawnCollect(argv, (line, child) => {
      if (line === "WARMUP_DONE") settle(server.pid).then(() => child.stdin.end("GO\n"));
      if (line === "MEASURE_START") {
        serverCpu0 = cpuSeconds(server.pid);
        t0 = performance.now();
      }
    });
    const line = text.split("\n").find((l) => l.startsWith("AC_JSON "));
    if (!line) throw new Error(`autocannon gave no result (exit ${exit}): ${err.slice(-2000)}`);
    const a = JSON.parse(line.slice(8));
    result = { tool: "autocannon", ...a, bytesPerResponse: a.requests ? a.bytes / a.requests : 0 };
  }
  const wallS = (performance.now() - t0) / 1000;
  result.serverCpu = (cpuSeconds(server.pid) - serverCpu0) / wallS;
  result.rssPeak = peakRss(server.pid);
  result.toolSaturated = result.toolCpu >= 0.9;
  return result;
}
