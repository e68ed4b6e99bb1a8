import { pino, type Logger } from "pino";
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

/** One JSON line per event on stdout; `service` tells the API's lines from the worker's. */
export function createLogger(env: Pick<Env, "LOG_LEVEL">, service: "api" | "worker"): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service },
    redact: { paths: redactedPaths, censor: "[redacted]" },
  });
}
