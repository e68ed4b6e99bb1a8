import type { Clock, DatabaseHandle, FileStorage, IdGenerator, PaymentProvider } from "@bbscart/core";
import type { JobScheduler } from "./services/common/index.js";
import type { Redis } from "ioredis";
import { SignInChallenges } from "./auth/challenges.js";
import { SecretSealer } from "./auth/sealed-secret.js";
import { AccessTokens } from "./auth/tokens.js";
import { allowedOrigins } from "./config/origins.js";
import type { Secrets } from "./config/secrets.js";
import type { Env } from "./env.js";
import { createApp } from "./http/app.js";
import { sandboxCheckout } from "./providers/sandbox/checkout.js";
import { SandboxPaymentProvider } from "./providers/sandbox/provider.js";
import type { Logger } from "./logger.js";
import { QueueInspector } from "./jobs/queue-health.js";
import type { Metrics } from "./metrics/metrics.js";
import { timeOrderedIds, systemClock } from "./runtime.js";
import { AuthBudget } from "./security/auth-budget.js";
import { ChallengeGuard } from "./security/challenge-guard.js";
import { TrackThrottle } from "./security/track-throttle.js";
import { LoginThrottle } from "./security/login-throttle.js";
import { createServices } from "./services/index.js";
import type { TaxDocumentSource } from "./services/invoices/index.js";

export interface Infrastructure {
  env: Env;
  log: Logger;
  secrets: Secrets;
  db: DatabaseHandle;
  redis: Redis;
  files: FileStorage;
  version: string;
  /** The shop's address as shoppers see it (PUBLIC_URL, else where the server listens). */
  publicUrl: string;
  provider: PaymentProvider;
  jobs: JobScheduler;
  /** This process's metrics when enabled (the database was opened with its observer). */
  metrics?: Metrics | null;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where issued GST documents are read from; none are issued until the GST service provides one. */
  taxDocuments?: TaxDocumentSource;
}

/** Builds the services and the Express app from configuration and live connections: one wiring for the server and the tests. */
export function composeApp(infra: Infrastructure) {
  const { env, log, db, redis } = infra;
  const clock = infra.clock ?? systemClock;
  const ids = infra.ids ?? timeOrderedIds;
  const queues = new QueueInspector(redis, env.REDIS_PREFIX);
  const metrics = infra.metrics ?? null;
  metrics?.watchQueues(queues, env.READINESS_TIMEOUT_MS);
  const cookies = { secure: infra.publicUrl.startsWith("https://"), maxAgeDays: env.REFRESH_TOKEN_TTL_DAYS };

  const services = createServices({
    db,
    version: infra.version,
    clock,
    ids,
    log,
    tokens: new AccessTokens({ current: infra.secrets.jwtSecret, previous: env.JWT_PREVIOUS_SECRET }, env.ACCESS_TOKEN_TTL_SECONDS),
    throttle: new LoginThrottle(redis, env.REDIS_PREFIX, {
      perAccountIp: { points: env.LOGIN_FAILS_PER_ACCOUNT_IP, windowSeconds: env.LOGIN_FAILS_PER_ACCOUNT_IP_WINDOW_SECONDS },
      perAccount: { points: env.LOGIN_FAILS_PER_ACCOUNT, windowSeconds: env.LOGIN_FAILS_PER_ACCOUNT_WINDOW_SECONDS },
      knownAddressDays: 30,
    }),
    trackThrottle: new TrackThrottle(redis, env.REDIS_PREFIX, {
      perIp: { points: env.TRACK_LOOKUPS_PER_IP, windowSeconds: env.TRACK_LOOKUPS_PER_IP_WINDOW_SECONDS },
      perOrder: { points: env.TRACK_LOOKUPS_PER_ORDER, windowSeconds: env.TRACK_LOOKUPS_PER_ORDER_WINDOW_SECONDS },
    }),
    orderLinkTtlDays: env.ORDER_LINK_TTL_DAYS,
    budget: new AuthBudget(redis, env.REDIS_PREFIX, {
      perIpPerMinute: env.AUTH_CALLS_PER_IP_PER_MINUTE,
      perAccountPerMinute: env.AUTH_CALLS_PER_ACCOUNT_PER_MINUTE,
    }),
    challenges: new SignInChallenges(infra.secrets.jwtSecret, env.SIGN_IN_CHALLENGE_TTL_SECONDS, clock),
    challengeGuard: new ChallengeGuard(redis, env.REDIS_PREFIX, { attempts: env.SIGN_IN_CODE_ATTEMPTS, windowSeconds: env.SIGN_IN_CHALLENGE_TTL_SECONDS }),
    sealer: new SecretSealer({ current: infra.secrets.totpSecret, previous: env.TOTP_ENCRYPTION_PREVIOUS_SECRET }),
    provider: infra.provider,
    jobs: infra.jobs,
    queues,
    files: infra.files,
    images: { decodesAtOnce: env.IMAGE_DECODES_AT_ONCE, maxPixels: env.IMAGE_MAX_PIXELS },
    publicUrl: infra.publicUrl,
    secrets: infra.secrets,
    cookies,
    policy: {
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      refreshGraceSeconds: env.REFRESH_GRACE_SECONDS,
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      adminTotpRequired: env.ADMIN_TOTP_REQUIRED,
    },
    taxDocuments: infra.taxDocuments,
  });

  const origins = allowedOrigins(env.WEB_ORIGIN, infra.publicUrl);
  const provider = infra.provider;
  const sandbox =
    provider instanceof SandboxPaymentProvider
      ? {
          provider,
          checkout: sandboxCheckout({ provider, publicUrl: infra.publicUrl, log, now: () => clock.now() }),
        }
      : null;
  const app = createApp({
    log,
    services,
    paymentWireFormat: provider.wireFormat,
    paymentProvider: provider.name,
    sandbox,
    files: infra.files,
    redis,
    readiness: {
      database: () => db.ping(),
      redis: async () => {
        await redis.ping();
      },
    },
    readinessTimeoutMs: env.READINESS_TIMEOUT_MS,
    metrics,
    http: {
      trustProxy: env.TRUST_PROXY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      exportPageSize: env.EXPORT_PAGE_SIZE,
      allowedOrigins: origins,
      mutationsPerMinute: env.MUTATIONS_PER_IP_PER_MINUTE,
      trpcBatchMaxCalls: env.TRPC_BATCH_MAX_CALLS,
      redisPrefix: env.REDIS_PREFIX,
      catalogCacheEntries: env.CATALOG_CACHE_ENTRIES,
      compressionThresholdBytes: env.COMPRESSION_THRESHOLD_BYTES,
    },
    shopPages: { publicUrl: infra.publicUrl, sitemapUrlsPerFile: env.SITEMAP_URLS_PER_FILE },
    webDistDir: env.NODE_ENV === "production" ? env.WEB_DIST_DIR : undefined,
  });
  return { app, services };
}
