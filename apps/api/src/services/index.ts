import type { Clock, DatabaseHandle, FileStorage, IdGenerator, PaymentProvider } from "@bbscart/core";
import type { AccessTokens } from "../auth/tokens.js";
import type { CookiePolicy } from "../http/refresh-cookie.js";
import type { QueueInspector } from "../jobs/queue-health.js";
import type { JobScheduler } from "../jobs/scheduler.js";
import type { Logger } from "../logger.js";
import { queueOutbox } from "../notifications/queue-outbox.js";
import type { LoginThrottle } from "../security/login-throttle.js";
import { accountService } from "./account.service.js";
import { adminOrdersService } from "./admin-orders.service.js";
import { authService } from "./auth.service.js";
import { cartService } from "./cart.service.js";
import { catalogService } from "./catalog.service.js";
import { checkoutService } from "./checkout.service.js";
import type { CommerceDeps } from "./commerce-deps.js";
import { dashboardService } from "./dashboard.service.js";
import { operationsService } from "./operations.service.js";
import { paymentsAdmin } from "./payments/admin.js";
import { paymentIntake } from "./payments/intake.js";
import { ordersService } from "./orders.service.js";
import { Sessions } from "./sessions.js";
import { settingsService } from "./settings.service.js";
import { systemService } from "./system.service.js";
import { usersService } from "./users.service.js";
import { walletService } from "./wallet.service.js";

export interface ServiceDeps {
  db: DatabaseHandle;
  version: string;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  provider: PaymentProvider;
  jobs: JobScheduler;
  /** BullMQ queue health for the admin. */
  queues: QueueInspector;
  /** Product images (uploads and the seed's). */
  files: FileStorage;
  /** The shop's address as shoppers see it, for links in messages. */
  publicUrl: string;
  secrets: { jwtSecret: string };
  cookies: CookiePolicy;
  policy: { refreshTtlDays: number; refreshGraceSeconds: number; passwordResetTtlMinutes: number; adminTotpRequired: boolean };
}

/** Wires the application services once per process; routers reach them through the tRPC context. */
export function createServices(deps: ServiceDeps) {
  const { db, clock, ids } = deps;
  const secret = deps.secrets.jwtSecret;
  const deliver = queueOutbox(deps.jobs, deps.log);
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
  return {
    db,
    tokens: deps.tokens,
    clock,
    policy: deps.policy,
    cookies: deps.cookies,
    system: systemService({ name: "BBSCART", version: deps.version, engine: db.engine, paymentProvider: deps.provider.name }),
    auth: authService({
      db,
      clock,
      ids,
      sessions,
      tokens: deps.tokens,
      throttle: deps.throttle,
      secret,
      resetTtlMinutes: deps.policy.passwordResetTtlMinutes,
      deliver,
    }),
    account: accountService({ db, clock, ids }),
    users: usersService({ db, clock, ids }),
    catalog: catalogService({ ...commerce, files: deps.files }),
    settings: settingsService(commerce),
    cart: cartService(commerce),
    checkout: checkoutService(commerce),
    orders: ordersService(commerce),
    adminOrders: adminOrdersService(commerce),
    wallet: walletService(commerce),
    dashboard: dashboardService(commerce),
    operations: operationsService({ db, clock, ids, queues: deps.queues }),
    payments: { intake: paymentIntake(commerce), admin: paymentsAdmin(db) },
  };
}

export type Services = ReturnType<typeof createServices>;
