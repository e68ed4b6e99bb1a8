import { assertDataDirUsable } from "../config/data-dir.js";
import { resolveSecrets, type Secrets } from "../config/secrets.js";
import { parseEnv, type Env } from "../env.js";
import { createLogger, type Logger } from "../logger.js";
import { assertRedisReachable } from "../redis.js";
import { StartupError } from "./startup-error.js";

export interface Started {
  env: Env;
  log: Logger;
  secrets: Secrets;
}

/**
 * Runs an entry point (API or worker): validated configuration, logger, a usable DATA_DIR, shared
 * secrets and a reachable Redis first; then `start`. Any {@link StartupError} ends the process with exactly one line on stderr.
 */
export function runMain(service: "api" | "worker", start: (started: Started) => Promise<void>): void {
  let log: Logger | undefined;
  const boot = async () => {
    const env = parseEnv();
    log = createLogger(env, service);
    const logger = log;
    assertDataDirUsable(env.DATA_DIR);
    const secrets = resolveSecrets(env, (message) => logger.warn(message));
    await assertRedisReachable(env.REDIS_URL);
    await start({ env, log, secrets });
  };
  boot().catch((error: unknown) => {
    if (error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
    } else if (log) {
      log.fatal({ err: error }, `${service} failed to start`);
    } else {
      process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    }
    process.exit(1);
  });
}

/**
 * Graceful shutdown on SIGTERM/SIGINT (or when the supervising parent's IPC channel closes): `close` stops intake and drains; the process exits 0 when it
 * resolves, or 1 if it has not within `timeoutMs` (a second signal forces that at once).
 */
export function onShutdownSignal(log: Logger, timeoutMs: number, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, timeoutMs }, "shutting down");
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, "shutdown timed out; exiting");
      process.exit(1);
    }, timeoutMs);
    close().then(
      () => {
        clearTimeout(timer);
        log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by a supervisor (`npm start`) that is gone: drain as on SIGTERM rather than run orphaned.
  process.once("disconnect", () => {
    if (!stopping) stop("SIGTERM");
  });
}

/** Tells a supervising parent process (the `npm start` launcher, the journey runner) we are serving. */
export function announceReady(message: Record<string, unknown>): void {
  process.send?.({ type: "ready", ...message });
}
