import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { isMongoUri } from "@bbscart/db/mongo-uri";
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
  /** A replica set's seed list (`mongodb://h1:27017,h2:27017/bbscart?replicaSet=rs0`) is not a WHATWG URL: the driver's own parser decides. */
  MONGODB_URI: z
    .string()
    .refine(isMongoUri, { error: "must be a URL starting with mongodb:// or mongodb+srv://" })
    .optional(),
  /** MongoDB only: how long a unit of work may keep re-running after write conflicts before it fails. */
  MONGODB_TRANSACTION_RETRY_MS: integer(50, 120_000).default(5_000),
  /** MongoDB only: how often, at most, the catalog's version is read again; catalog edits reach cached answers within it (decision 105). */
  MONGODB_CATALOG_VERSION_TTL_MS: integer(10, 60_000).default(1_000),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  REDIS_URL: url(["redis", "rediss"]).default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/, { error: "may contain only letters, digits, ':', '_' and '-'" })
    .default("bbscart"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  /** Seals TOTP secrets at rest (AES-256-GCM, key derived with HKDF); unset outside a deployment: generated into secrets.json. */
  TOTP_ENCRYPTION_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** The previous sealing secret after a rotation: secrets it sealed stay readable and are re-sealed when next used. */
  TOTP_ENCRYPTION_PREVIOUS_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** Origins allowed to call cookie routes (/auth) and CORS; unset means PUBLIC_URL's origin. */
  WEB_ORIGIN: url(["http", "https"]).optional(),
  /** Proxies in front of the API whose X-Forwarded-For is believed (0: the socket address is the client). */
  TRUST_PROXY: integer(0, 10).default(0),
  JWT_PREVIOUS_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  ACCESS_TOKEN_TTL_SECONDS: integer(30, 900).default(900),
  REFRESH_TOKEN_TTL_DAYS: integer(1, 90).default(30),
  /** A just-rotated refresh token presented again within this window returns the same successor. */
  REFRESH_GRACE_SECONDS: integer(0, 120).default(20),
  PASSWORD_RESET_TTL_MINUTES: integer(5, 1440).default(30),
  /** "Track your order" lookups per client IP, and per order number from everywhere, in their windows (ADR 142). */
  TRACK_LOOKUPS_PER_IP: integer(1, 10_000).default(20),
  TRACK_LOOKUPS_PER_IP_WINDOW_SECONDS: integer(1, 86_400).default(900),
  TRACK_LOOKUPS_PER_ORDER: integer(1, 1000).default(5),
  TRACK_LOOKUPS_PER_ORDER_WINDOW_SECONDS: integer(1, 86_400).default(3600),
  /** How long the signed order link in a guest's emails opens the order. */
  ORDER_LINK_TTL_DAYS: integer(1, 730).default(180),
  /** Failed logins per account and client IP before that pair waits out the window. */
  LOGIN_FAILS_PER_ACCOUNT_IP: integer(1, 1000).default(5),
  LOGIN_FAILS_PER_ACCOUNT_IP_WINDOW_SECONDS: integer(1, 86_400).default(900),
  /** Failed logins per account from everywhere; past it only addresses that signed in before may try. */
  LOGIN_FAILS_PER_ACCOUNT: integer(1, 100_000).default(50),
  LOGIN_FAILS_PER_ACCOUNT_WINDOW_SECONDS: integer(1, 86_400).default(3_600),
  /** Mutations (and /auth calls) per client IP per minute; each call of a tRPC batch counts. */
  MUTATIONS_PER_IP_PER_MINUTE: integer(1, 1_000_000).default(300),
  /** Most calls one tRPC batch may hold (the web app batches at most 10); larger batches get 400. */
  TRPC_BATCH_MAX_CALLS: integer(10, 100).default(20),
  /** Sign-ins, registrations, password resets and changes per client IP per minute (each batch call counts). */
  AUTH_CALLS_PER_IP_PER_MINUTE: integer(1, 1_000_000).default(30),
  /** The same calls per account (email or user) per minute, from every address together. */
  AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: integer(1, 1_000_000).default(10),
  /** Catalog answers kept in memory per API process, reused until anything is committed (0 turns the cache off). */
  CATALOG_CACHE_ENTRIES: integer(0, 100_000).default(1_000),
  /** Responses (API JSON, HTML) at least this big are sent brotli- or gzip-compressed to clients that accept it. */
  COMPRESSION_THRESHOLD_BYTES: integer(0, 10_485_760).default(1_024),
  /** URLs per sitemap file; past it /sitemap.xml becomes an index of /sitemap-N.xml files (the protocol's cap is 50,000). */
  SITEMAP_URLS_PER_FILE: integer(1, 50_000).default(50_000),
  /** Largest JSON body accepted; bigger ones get 413. */
  BODY_LIMIT_BYTES: integer(1_024, 10_485_760).default(102_400),
  /** Largest image an admin may upload; bigger ones get 413. */
  UPLOAD_MAX_BYTES: integer(1_024, 52_428_800).default(5_242_880),
  /** Records read per database page while an admin CSV export streams: memory holds about one page. */
  EXPORT_PAGE_SIZE: integer(1, 1_000).default(200),
  /** Uploaded images decoded at once per API process (each takes about 4 bytes a pixel while it decodes); the rest wait. */
  IMAGE_DECODES_AT_ONCE: integer(1, 64).default(2),
  /** Largest canvas (width × height) an uploaded image may declare; larger ones get 415 before decoding. */
  IMAGE_MAX_PIXELS: integer(1_000_000, 100_000_000).default(24_000_000),
  /** Admins must sign in with a second factor: unenrolled admins can only enrol until they have. */
  ADMIN_TOTP_REQUIRED: booleanFlag.default(false),
  /** How long the challenge a password step answers with (for an account with a second factor) stays usable. */
  SIGN_IN_CHALLENGE_TTL_SECONDS: integer(30, 900).default(300),
  /** Wrong codes one sign-in challenge takes before it is dead and the password must be given again. */
  SIGN_IN_CODE_ATTEMPTS: integer(1, 20).default(5),
  SHUTDOWN_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  /** How long a worker holds a job before another worker may take it over as stalled (every queue). */
  QUEUE_LOCK_MS: integer(500, 600_000).default(30_000),
  /** How often workers look for stalled jobs (whose holder died) and put them back in line. */
  QUEUE_STALLED_INTERVAL_MS: integer(100, 600_000).default(30_000),
  /** Tries of an order-expiry job that fails (database busy, order not yet due) before it is kept as failed. */
  ORDER_EXPIRY_ATTEMPTS: integer(1, 100).default(8),
  /** First retry delay of a failed order-expiry job; each further retry waits twice as long. */
  ORDER_EXPIRY_BACKOFF_MS: integer(10, 3_600_000).default(5_000),
  /** Email over SMTP (`smtp://user:pass@host:587`); unset writes `.eml` files under DATA_DIR/mail. */
  SMTP_URL: url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).default("BBSCART <no-reply@bbscart.local>"),
  /** SMS provider endpoint taking a JSON POST; unset writes SMS under DATA_DIR/mail. */
  SMS_URL: url(["http", "https"]).optional(),
  /** Bearer token for SMS_URL. */
  SMS_TOKEN: z.string().min(1).optional(),
  /** Tries of a notification (SMTP or SMS provider down) before it stays in the failed set. */
  NOTIFICATION_ATTEMPTS: integer(1, 100).default(10),
  /** First retry delay of a failed notification; each further retry waits twice as long. */
  NOTIFICATION_BACKOFF_MS: integer(10, 3_600_000).default(10_000),
  /** The outbox relay runs this often and queues pending messages at least this old (lost enqueues). */
  OUTBOX_RELAY_INTERVAL_MS: integer(100, 3_600_000).default(5_000),
  /** A failed notification is revived by the relay (its job ran out of retries, or was lost) until it has failed this often in all. */
  OUTBOX_REVIVAL_MAX_ATTEMPTS: integer(1, 1_000).default(30),
  /** …and never sooner than this after its last failure, so a queue retry that runs late still comes first. */
  OUTBOX_REVIVAL_MIN_DELAY_MS: integer(100, 86_400_000).default(60_000),
  /** How often the worker deletes old operational records (delivered messages, processed webhook events, old idempotency keys, ended sign-ins). */
  RETENTION_EVERY_MS: integer(1_000, 86_400_000).default(3_600_000),
  /** Records deleted per write: each batch holds SQLite's write lock alone, so checkouts wait one batch at most. */
  RETENTION_BATCH_SIZE: integer(1, 10_000).default(500),
  /** Sent and discarded notifications are kept this many days (the admin's outbox view, and dedupe of a late repeat). */
  RETENTION_MESSAGES_DAYS: integer(1, 3_650).default(30),
  /** Processed webhook events are kept this many days: longer than any provider retries a delivery (Stripe 3 days, Razorpay 1), so a late repeat is still recognised. */
  RETENTION_WEBHOOK_EVENTS_DAYS: integer(7, 3_650).default(30),
  /** Store days a rollup rebuild recounts per write (ADR 132): one day of orders holds SQLite's write lock for milliseconds. */
  ROLLUP_REBUILD_DAYS_PER_BATCH: integer(1, 366).default(1),
  /** Tests only (honoured when NODE_ENV=test): the worker SIGKILLs itself at this point of a delivery. */
  NOTIFICATION_CRASH_POINT: z.enum(["before-send", "after-send"]).optional(),
  READINESS_TIMEOUT_MS: integer(50, 30_000).default(1_000),
  /** Prometheus metrics at /metrics (ADR 051): off unless true, and then only for METRICS_TOKEN's bearer. */
  METRICS_ENABLED: booleanFlag.default(false),
  METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  /** The worker has no HTTP server: with metrics on, it serves /metrics on this port (on HOST); unset, it serves none. */
  METRICS_PORT: integer(1, 65_535).optional(),
  /** Which card provider takes payments; required in production so a missing key never picks one. */
  PAYMENT_PROVIDER: z.enum(["stripe", "razorpay", "sandbox"], { error: 'must be "stripe", "razorpay" or "sandbox"' }).optional(),
  /** Whose wire format the sandbox imitates: its ids, webhooks, signatures and what its page hands back. */
  SANDBOX_FLAVOUR: z.enum(["stripe", "razorpay"], { error: 'must be "stripe" or "razorpay"' }).default("stripe"),
  /** Razorpay's API key pair (Dashboard → Account & Settings → API keys); the key id is public, Checkout opens with it. */
  RAZORPAY_KEY_ID: z.string().regex(/^rzp_(test|live)_\w+$/, { error: "must be a Razorpay key id (rzp_test_… or rzp_live_…)" }).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(8, { error: "must be the key id's secret" }).optional(),
  /** The secret typed in when the Razorpay webhook was created; it signs every delivery. */
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8, { error: "must be the Razorpay webhook's secret (at least 8 characters)" }).optional(),
  /** Razorpay signs no timestamp: events whose signed `created_at` is older are refused (it retries for 24 hours). */
  RAZORPAY_WEBHOOK_TOLERANCE_SECONDS: integer(60, 604_800).default(172_800),
  STRIPE_SECRET_KEY: z.string().regex(/^[rs]k_(test|live)_\w+$/, { error: "must be a Stripe secret key (sk_… or rk_…)" }).optional(),
  /** How old a webhook's signed timestamp may be before it is refused (replay protection). */
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: integer(1, 3_600).default(300),
  /** Tries of a payment-event job before it is kept as failed (the relay still picks the event up later). */
  PAYMENTS_ATTEMPTS: integer(1, 100).default(10),
  /** First retry delay of a failed payment-event job; each further retry waits twice as long. */
  PAYMENTS_BACKOFF_MS: integer(10, 3_600_000).default(2_000),
  /** A claimed event not finished within this time belongs to a crashed worker and may be claimed again. */
  PAYMENTS_CLAIM_STALE_MS: integer(1_000, 3_600_000).default(120_000),
  /** How often the relay re-enqueues stored events still unprocessed, and how long one must wait for it. */
  PAYMENTS_RELAY_EVERY_MS: integer(100, 3_600_000).default(60_000),
  PAYMENTS_RELAY_AFTER_MS: integer(0, 3_600_000).default(60_000),
  /** Past this many processing attempts the relay leaves an event to admins (a rejected event would repeat forever). */
  PAYMENTS_RELAY_MAX_ATTEMPTS: integer(1, 1_000).default(50),
  /** How often reconciliation asks the provider about unpaid card orders, and how old they must be. */
  RECONCILE_EVERY_MS: integer(100, 86_400_000).default(300_000),
  RECONCILE_AFTER_MS: integer(0, 86_400_000).default(600_000),
});

/** Every variable the API and the worker read: deployment checks refuse a name outside this list (a typo is silently ignored otherwise). */
export const envVariableNames = Object.keys(envSchema.shape) as readonly (keyof typeof envSchema.shape)[];

export type PaymentProviderName = "stripe" | "razorpay" | "sandbox";
export type Env = Omit<z.output<typeof envSchema>, "PAYMENT_PROVIDER"> & { PAYMENT_PROVIDER: PaymentProviderName };

export class EnvError extends StartupError {
  override name = "EnvError";
}

/**
 * Validates a set of variables (defaults to `process.env`). Empty strings count as unset, so
 * `PORT= npm start` behaves like no PORT at all. Throws {@link EnvError} with one line per problem.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const raw = Object.fromEntries(envVariableNames.map((key) => [key, source[key] === "" ? undefined : source[key]]));
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
  const provider = paymentProvider(env);
  // Never public by default: metrics name routes, queues and load, so enabling them needs a token.
  if (env.METRICS_ENABLED && env.METRICS_TOKEN === undefined) throw new EnvError("Invalid configuration: METRICS_TOKEN must be set when METRICS_ENABLED=true");
  return {
    ...env,
    // Absolute, so the API, the worker and every script find the same `bbscart.db`.
    DATA_DIR: path.resolve(env.DATA_DIR),
    WEB_DIST_DIR: path.resolve(env.WEB_DIST_DIR),
    PUBLIC_URL: env.PUBLIC_URL?.replace(/\/+$/, ""),
    PAYMENT_PROVIDER: provider,
  };
}

/**
 * Production must name its provider: a missing variable never silently takes (or fakes) money.
 * Elsewhere the sandbox is the default; Stripe needs its secret key, Razorpay its keys and webhook secret.
 */
function paymentProvider(env: z.output<typeof envSchema>): PaymentProviderName {
  if (env.PAYMENT_PROVIDER === undefined && env.NODE_ENV === "production") {
    throw new EnvError('Invalid configuration: PAYMENT_PROVIDER must be "stripe", "razorpay" or "sandbox" (required when NODE_ENV=production)');
  }
  const provider = env.PAYMENT_PROVIDER ?? "sandbox";
  if (provider === "stripe" && env.STRIPE_SECRET_KEY === undefined) {
    throw new EnvError("Invalid configuration: STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER=stripe");
  }
  if (provider === "razorpay") {
    const missing = (["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET"] as const).filter((name) => env[name] === undefined);
    if (missing.length > 0) throw new EnvError(`Invalid configuration: ${missing.join(", ")} must be set when PAYMENT_PROVIDER=razorpay`);
  }
  return provider;
}
