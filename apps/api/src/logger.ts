import { pino, type Logger, type LoggerOptions } from "pino";
import type { Env } from "./env.js";

export type { Logger };

/** Paths never written to a log line: credentials travel in these. */
export const redactedPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.token",
  "*.accessToken",
  "*.refreshToken",
  "*.secret",
];

/**
 * One JSON line per event on stdout; `service` tells the API's lines from the worker's.
 *
 * Written asynchronously (decision 139): a line is handed to the kernel at once when no write is in
 * flight, and lines that arrive while one is join the next write, so a busy API makes one write per
 * batch rather than one blocking write per request (the access log was a fifth of a cached catalog
 * answer's CPU). pino flushes what is buffered synchronously when the process exits, `process.exit`
 * included; only a SIGKILL can lose the lines of the write in flight.
 */
export function createLogger(env: Pick<Env, "LOG_LEVEL">, service: "api" | "worker"): Logger {
  return pino(loggerOptions(env, service), pino.destination({ dest: 1, sync: false }));
}

/** The shop's logger settings apart from where lines go (tests write them to memory). */
export function loggerOptions(env: Pick<Env, "LOG_LEVEL">, service: "api" | "worker"): LoggerOptions {
  return { level: env.LOG_LEVEL, base: { service }, redact: { paths: redactedPaths, censor: "[redacted]" } };
}
