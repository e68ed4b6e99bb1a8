import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { StartupError } from "./lifecycle/startup-error.js";

/**
 * The only module in application code that reads `process.env`. Everything else receives
 * the validated {@link Env}, so a typo in a variable name is a type error, not a silent default.
 */

/** `<repo>`: this file is `apps/api/{src,dist}/env.*`, three levels below the repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((value) => value === "true" || value === "1");

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const url = (schemes: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ""));
      } catch {
        return false;
      }
    },
    { error: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(" or ")}` },
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DEPLOYMENT: booleanFlag.default(false),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: integer(0, 65535).default(3000),
  /** Where shoppers and providers reach us; unset means the address the API listens on. */
  PUBLIC_URL: url(["http", "https"]).optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, "data")),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, "apps/web/dist")),
  MONGODB_URI: url(["mongodb", "mongodb+srv"]).optional(),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  REDIS_URL: url(["redis", "rediss"]).default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/, { error: "may contain only letters, digits, ':', '_' and '-'" })
    .default("bbscart"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  SHUTDOWN_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  READINESS_TIMEOUT_MS: integer(50, 30_000).default(1_000),
});

export type Env = z.output<typeof envSchema>;

export class EnvError extends StartupError {
  override name = "EnvError";
}

/**
 * Validates a set of variables (defaults to `process.env`). Empty strings count as unset, so
 * `PORT= npm start` behaves like no PORT at all. Throws {@link EnvError} with one line per problem.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const keys = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
  const raw = Object.fromEntries(keys.map((key) => [key, source[key] === "" ? undefined : source[key]]));
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const given = raw[name];
      return `${name} ${issue.message}${given === undefined ? "" : ` (got ${JSON.stringify(given)})`}`;
    });
    throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = result.data;
  return {
    ...env,
    // Absolute, so the API, the worker and every script find the same `bbscart.db`.
    DATA_DIR: path.resolve(env.DATA_DIR),
    WEB_DIST_DIR: path.resolve(env.WEB_DIST_DIR),
    PUBLIC_URL: env.PUBLIC_URL?.replace(/\/+$/, ""),
  };
}
