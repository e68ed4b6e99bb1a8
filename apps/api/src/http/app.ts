import { outageOf } from "../outage.js";
import cookieParser from "cookie-parser";
import cors from "cors";
import express, { type ErrorRequestHandler } from "express";
import helmet from "helmet";
import type { TRPCError } from "@trpc/server";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import type { FileStorage, PaymentProvider } from "@bbscart/core";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import type { SandboxCheckout } from "../providers/sandbox/checkout.js";
import type { SandboxPaymentProvider } from "../providers/sandbox/provider.js";
import { docsRoutes } from "../rest/docs.js";
import { restRoutes } from "../rest/routes.js";
import { mutationLimit } from "../security/request-limit.js";
import { batchCap, trpcCalls } from "../security/trpc-batch.js";
import type { Services } from "../services/index.js";
import { contextFactory, type Context } from "../trpc/init.js";
import { procedurePaths } from "../trpc/procedure-paths.js";
import { appRouter } from "../trpc/root.js";
import { adminExportRoutes } from "./admin-exports.js";
import { adminUploadRoutes } from "./admin-uploads.js";
import { leanMutations, leanQueries } from "./lean-trpc.js";
import { catalogResponseCache } from "./catalog-cache.js";
import { responseCompression } from "./compression.js";
import { authRoutes } from "./auth-routes.js";
import { healthRoutes, type Probe } from "./health.js";
import { metricsRoutes, requestMetrics } from "./metrics.js";
import type { Metrics } from "../metrics/metrics.js";
import { accessLog } from "./access-log.js";
import { sandboxPayRoutes } from "./sandbox-pay.js";
import { shopPageHeads, sitemapRoutes, type ShopPagesDeps } from "./shop-pages.js";
import { uploadRoutes } from "./uploads.js";
import { anonymousCaller } from "./first-view-caller.js";
import { webAppRoutes } from "./web.js";
import { webhookRoutes } from "./webhooks.js";

export interface AppDeps {
  log: Logger;
  services: Services;
  /** Which webhook route answers: the running provider's wire format (`/webhooks/stripe` or `/webhooks/razorpay`). */
  paymentWireFormat: "stripe" | "razorpay";
  /** Razorpay's Checkout script and frame are allowed by the CSP only when Razorpay takes the payments. */
  paymentProvider: PaymentProvider["name"];
  /** The sandbox card page, when the sandbox is the payment provider. */
  sandbox: { provider: SandboxPaymentProvider; checkout: SandboxCheckout } | null;
  /** Uploaded and seeded files, served under /uploads. */
  files: FileStorage;
  /** Dependencies `/readyz` checks, by name. */
  readiness: Record<string, Probe>;
  readinessTimeoutMs: number;
  /** Prometheus metrics when enabled (ADR 051): requests are timed and `/metrics` answers; null: neither. */
  metrics: Metrics | null;
  redis: Redis;
  http: {
    /** Proxies whose X-Forwarded-For is believed for the client address. */
    trustProxy: number;
    bodyLimitBytes: number;
    /** Largest product image accepted by the admin upload route. */
    uploadMaxBytes: number;
    /** Records per database page of a streamed CSV export. */
    exportPageSize: number;
    /** The web app's origins: CORS and the CSRF check of /auth accept only these. */
    allowedOrigins: readonly string[];
    mutationsPerMinute: number;
    /** Most calls one tRPC batch may hold. */
    trpcBatchMaxCalls: number;
    /** Namespaces rate-limit counters in the shared Redis. */
    redisPrefix: string;
    /** Catalog answers kept in memory (0: none). */
    catalogCacheEntries: number;
    /** Smallest response body worth compressing. */
    compressionThresholdBytes: number;
  };
  /** Canonical URLs, sitemap and robots.txt. */
  shopPages: Pick<ShopPagesDeps, "publicUrl" | "sitemapUrlsPerFile">;
  /** When set, the built web app is served from here (production: one process is a whole shop). */
  webDistDir?: string | undefined;
}

/** The Express application: no listening, no process concerns, so tests can mount it on any port. */
/**
 * What Razorpay's standard Checkout needs beyond our own origin: its script, and the frame it opens
 * the payment form in. Nothing else is widened (connections and images stay 'self').
 */
const razorpayCheckoutSources = {
  scriptSrc: ["'self'", "https://checkout.razorpay.com"],
  frameSrc: ["'self'", "https://api.razorpay.com"],
};

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  // Both ways a tRPC call is answered (tRPC's adapter, the lean paths of http/lean-trpc.ts) report failures here.
  const procedureFailed = ({ error, path, ctx }: { error: TRPCError; path?: string | undefined; ctx?: Context | undefined }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.log ?? deps.log).error({ err: error, path }, "procedure failed");
  };
  app.disable("x-powered-by");
  // First, so a request's time includes everything below (logging, compression, the catalog cache).
  if (deps.metrics) app.use(requestMetrics(deps.metrics, procedurePaths()));
  app.set("trust proxy", deps.http.trustProxy);
  app.use(accessLog(app, deps.log));
  const catalogCache = catalogResponseCache(
    { catalog: deps.services.db.catalogVersion, lowStockThreshold: async () => (await deps.services.settings.get()).lowStockThreshold },
    deps.http.catalogCacheEntries,
  );
  // A kept catalog answer is replayed here, in front of everything below (decision 158): the headers
  // the layers below set for it are part of what was kept.
  app.use(catalogCache.hits);
  app.use(
    helmet({
      // Upgrading to https would break a shop served over plain http on a LAN; TLS is the proxy's job.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, ...(deps.paymentProvider === "razorpay" ? razorpayCheckoutSources : {}) } },
    }),
  );

  app.use(cors({ origin: [...deps.http.allowedOrigins], credentials: true, maxAge: 600 }));
  app.use("/trpc", batchCap(deps.http.trpcBatchMaxCalls));
  // After the headers every answer needs (and the batch cap), before compression: a catalog read the
  // cache could not answer is kept here with those headers and its bytes as compressed for that Accept-Encoding.
  app.use("/trpc", catalogCache.keep);
  app.use(responseCompression(deps.http.compressionThresholdBytes));
  // Queries skip tRPC's fetch adapter (decisions 138, 157); a catalog miss above is computed here, and kept.
  app.use("/trpc", leanQueries(deps.services, { onError: procedureFailed }));

  app.use(healthRoutes(deps.readiness, deps.readinessTimeoutMs));
  if (deps.metrics) app.use(metricsRoutes(deps.metrics));
  // Raw body for the signature, before any parser; the provider is neither rate limited nor CSRF-checked here.
  app.use(webhookRoutes(deps.services.payments.intake, deps.paymentWireFormat, deps.http.bodyLimitBytes));
  if (deps.sandbox) app.use(sandboxPayRoutes({ ...deps.sandbox, allowedOrigins: deps.http.allowedOrigins }));
  app.use(uploadRoutes(deps.files));
  app.use(
    ["/trpc", "/auth", "/api/admin/uploads"],
    mutationLimit(deps.redis, deps.http.redisPrefix, deps.http.mutationsPerMinute, undefined, (req) => (req.baseUrl === "/trpc" ? trpcCalls(req) : 1)),
  );
  // Right after the limit, before the routers below (none serves /trpc): a mutation skips tRPC's fetch adapter (decision 157).
  app.use("/trpc", leanMutations(deps.services, { maxBodyBytes: deps.http.bodyLimitBytes, onError: procedureFailed }));
  app.use(adminUploadRoutes(deps.services, deps.http.uploadMaxBytes));
  app.use(adminExportRoutes(deps.services, deps.http.exportPageSize));
  app.use("/api/v1", restRoutes({ router: appRouter, services: deps.services, redis: deps.redis, ...deps.http }));
  app.use(docsRoutes());
  app.use("/auth", cookieParser());
  app.use(authRoutes(deps.services, { allowedOrigins: deps.http.allowedOrigins, cookies: deps.services.cookies }));
  app.use(
    "/trpc",
    createExpressMiddleware({
      maxBodySize: deps.http.bodyLimitBytes,
      router: appRouter,
      createContext: contextFactory(deps.services),
      onError: procedureFailed,
    }),
  );
  const shopPages = { catalog: deps.services.catalog, settings: deps.services.settings, catalogVersion: deps.services.db.catalogVersion, ...deps.shopPages };
  app.use(sitemapRoutes(shopPages));
  if (deps.webDistDir) app.use(webAppRoutes(deps.webDistDir, shopPageHeads(shopPages), anonymousCaller(deps.services)));

  app.use((req, res) => {
    res.status(404).json({ error: { code: "NOT_FOUND", message: `No route for ${req.method} ${req.path}` } });
  });
  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: "BAD_REQUEST", message: (error as Error).message } });
      return;
    }
    const outage = outageOf(error);
    if (outage) {
      req.log.warn({ err: error }, "a dependency is unavailable");
      res.setHeader("Retry-After", String(outage.retryAfterSeconds));
      res.status(503).json({ error: { code: "SERVICE_UNAVAILABLE", message: outage.message, requestId: req.id } });
      return;
    }
    req.log.error({ err: error }, "unhandled error");
    res.status(500).json({ error: { code: "INTERNAL", message: "Something went wrong", requestId: req.id } });
  };
  app.use(onError);
  return app;
}
