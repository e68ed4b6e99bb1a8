import { fork } from "node:child_process";
import { withHeapSettings } from "./heap.mjs";

/**
 * Starts a Node entry point as a child with an IPC channel and resolves with the child and its
 * "ready" message; rejects if the child exits first (it has already printed why), with an error
 * carrying its exit `code`. The child runs with the shop's heap settings (heap.mjs), which the
 * operator's NODE_OPTIONS overrides.
 * @param {string} entry
 * @param {{ env?: NodeJS.ProcessEnv; execArgv?: string[] }} [options]
 * @returns {{ child: import("node:child_process").ChildProcess; ready: Promise<{ url?: string }> }}
 */
export function launch(entry, { env = process.env, execArgv = [] } = {}) {
  // A process group of its own: a terminal's Ctrl+C (sent to the whole foreground group) reaches
  // only the supervisor, which passes it on once. Otherwise each child got it twice — from the
  // terminal and from us — and took the second as "exit now", skipping the drain.
  const child = fork(entry, [], { env: withHeapSettings(env), execArgv, stdio: "inherit", detached: true });
  const ready = new Promise((resolve, reject) => {
    child.on("message", (message) => {
      // What a child sends over IPC is any serializable value; only its "ready" object matters here.
      const sent = /** @type {{ type?: unknown; url?: string } | null} */ (message);
      if (sent?.type === "ready") resolve(sent);
    });
    child.once("exit", (code, signal) => reject(Object.assign(new Error("exited before ready"), { code: code ?? 1, signal })));
  });
  return { child, ready };
}

/**
 * Supervises children as one shop: SIGINT/SIGTERM are passed on (as SIGTERM, once per signal we
 * get: a second Ctrl+C forces the children out) and we exit when all have stopped; if one dies on
 * its own, the others are stopped and we exit with its code. Should we die without passing a signal
 * on, each child sees its IPC channel close and drains by itself.
 */
export function supervise(children) {
  let stopping = false;
  let exitCode = 0;
  let running = children.length;
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  for (const child of children) {
    child.once("exit", (code) => {
      running -= 1;
      if (!stopping) {
        stopping = true;
        exitCode = code === 0 ? 1 : (code ?? 1);
        stopAll();
      } else if (code !== 0 && code !== null) {
        exitCode = code;
      }
      if (running === 0) process.exit(exitCode);
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      stopAll();
    });
  }
}

/**
 * The whole shop as `npm start` runs it: the API, then (once it serves) the worker, supervised as
 * one. Resolves with the API's "ready" message once both are up; exits the process with the API's
 * code if it fails to start.
 * @param {{ api: string; worker: string; env: NodeJS.ProcessEnv; execArgv?: string[] }} shop
 */
export async function runShop({ api, worker, env, execArgv = [] }) {
  const started = launch(api, { env, execArgv });
  let ready;
  try {
    ready = await started.ready;
  } catch (error) {
    process.exit(/** @type {{ code: number }} */ (error).code);
  }
  // The worker starts once the API is up, so a shared problem (Redis down) is reported once, by the API.
  const second = launch(worker, { env, execArgv });
  supervise([started.child, second.child]);
  await second.ready.catch(() => undefined);
  return ready;
}
