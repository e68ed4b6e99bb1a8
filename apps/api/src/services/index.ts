import type { Clock, DatabaseHandle, FileStorage, IdGenerator, PaymentProvider } from "@bbscart/core";
import type { SignInChallenges } from "../auth/challenges.js";
import type { SecretSealer } from "../auth/sealed-secret.js";
import type { AccessTokens } from "../auth/tokens.js";
import type { Logger } from "../logger.js";
import type { AuthBudget } from "../security/auth-budget.js";
import type { ChallengeGuard } from "../security/challenge-guard.js";
import type { LoginThrottle } from "../security/login-throttle.js";
import type { TrackThrottle } from "../security/track-throttle.js";
import { accountService, authService, secondFactors, Sessions, usersService } from "./accounts/index.js";
import { cartService } from "./cart/index.js";
import { catalogService } from "./catalog/index.js";
import { checkoutService } from "./checkout/index.js";
import type { CommerceDeps, CookiePolicy, JobScheduler } from "./common/index.js";
import { couponsService } from "./coupons/index.js";
import { guestsService, orderLinks } from "./guests/index.js";
import { emailPreviews, queueOutbox } from "./notifications/index.js";
import { operationsService, systemService, type QueueHealth } from "./operations/index.js";
import { invoicesService, issuedTaxDocuments, type TaxDocumentSource } from "./invoices/index.js";
import { adminOrdersService, ordersService } from "./orders/index.js";
import { paymentIntake, paymentsAdmin } from "./payments/index.js";
import { dashboardService, exportsService } from "./reports/index.js";
import { settingsService } from "./settings/index.js";
import { walletService } from "./wallet/index.js";

export interface ServiceDeps {
  db: DatabaseHandle;
  version: string;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  /** "Track your order" lookups per address and per order number. */
  trackThrottle: TrackThrottle;
  /** How long a signed order link opens its order. */
  orderLinkTtlDays: number;
  budget: AuthBudget;
  /** Sign-in challenges (password step done, code step pending) and their attempt counters. */
  challenges: SignInChallenges;
  challengeGuard: ChallengeGuard;
  /** Seals TOTP secrets at rest. */
  sealer: SecretSealer;
  provider: PaymentProvider;
  jobs: JobScheduler;
  /** Job queue health for the admin. */
  queues: QueueHealth;
  /** Product images (uploads and the seed's). */
  files: FileStorage;
  /** How many uploads decode at once, and the largest canvas accepted. */
  images: { decodesAtOnce: number; maxPixels: number };
  /** The shop's address as shoppers see it, for links in messages. */
  publicUrl: string;
  secrets: { jwtSecret: string };
  cookies: CookiePolicy;
  policy: { refreshTtlDays: number; refreshGraceSeconds: number; passwordResetTtlMinutes: number; adminTotpRequired: boolean };
  /** Issued GST documents; none until the issuing service is wired in (ADR 153). */
  taxDocuments?: TaxDocumentSource;
}

/** Wires the application services once per process; routers reach them through the tRPC context. */
export function createServices(deps: ServiceDeps) {
  const { db, clock, ids } = deps;
  const secret = deps.secrets.jwtSecret;
  const deliver = queueOutbox(deps.jobs, deps.log);
  const factors = secondFactors({ db, clock, sealer: deps.sealer });
  const sessions = new Sessions(
    { refreshTtlDays: deps.policy.refreshTtlDays, graceSeconds: deps.policy.refreshGraceSeconds, secret },
    clock,
    ids,
  );
  const commerce: CommerceDeps = {
    db,
    clock,
    ids,
    log: deps.log,
    provider: deps.provider,
    jobs: deps.jobs,
    deliver,
    publicUrl: deps.publicUrl,
  };
  const checkout = checkoutService(commerce);
  const orders = ordersService(commerce);
  const guests = guestsService({ ...commerce, links: orderLinks(secret, deps.orderLinkTtlDays), throttle: deps.trackThrottle, checkout, orders });
  return {
    db,
    tokens: deps.tokens,
    clock,
    policy: deps.policy,
    cookies: deps.cookies,
    system: systemService({ name: "BBSCART", version: deps.version, engine: db.engine, paymentProvider: deps.provider.name,
      paymentCheckout: { wireFormat: deps.provider.wireFormat, publicKey: deps.provider.name === "razorpay" ? deps.provider.publicKey : null },
    }),
    auth: authService({
      db,
      clock,
      ids,
      sessions,
      tokens: deps.tokens,
      throttle: deps.throttle,
      budget: deps.budget,
      secret,
      resetTtlMinutes: deps.policy.passwordResetTtlMinutes,
      deliver,
      factors,
      challenges: deps.challenges,
      challengeGuard: deps.challengeGuard,
    }),
    account: accountService({ db, clock, ids }),
    factors,
    users: usersService({ db, clock, ids, stepUp: factors.stepUp }),
    catalog: catalogService({ ...commerce, files: deps.files, images: deps.images }),
    coupons: couponsService(commerce),
    settings: settingsService(commerce),
    cart: cartService(commerce),
    checkout,
    orders,
    guests,
    adminOrders: adminOrdersService(commerce),
    wallet: walletService({ ...commerce, stepUp: factors.stepUp }),
    dashboard: dashboardService(commerce),
    exports: exportsService(commerce),
    invoices: invoicesService({ db, taxDocuments: deps.taxDocuments ?? issuedTaxDocuments(db.repos) }),
    operations: operationsService({ db, clock, ids, queues: deps.queues, jobs: deps.jobs }),
    emails: emailPreviews(deps.publicUrl),
    payments: { intake: paymentIntake(commerce), admin: paymentsAdmin(db) },
  };
}

export type Services = ReturnType<typeof createServices>;
