import type { Clock, DatabaseHandle, IdGenerator, Notifier } from "@bbscart/core";
import { resetTokenFor, type AccessTokens } from "../auth/tokens.js";
import type { CookiePolicy } from "../http/refresh-cookie.js";
import type { Logger } from "../logger.js";
import { outboxDelivery } from "../notifications/deliver.js";
import type { LoginThrottle } from "../security/login-throttle.js";
import { accountService } from "./account.service.js";
import { authService } from "./auth.service.js";
import { Sessions } from "./sessions.js";
import { systemService } from "./system.service.js";
import { usersService } from "./users.service.js";

export interface ServiceDeps {
  db: DatabaseHandle;
  version: string;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  notifier: Notifier;
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
  const deliver = outboxDelivery({
    db,
    clock,
    log: deps.log,
    notifier: deps.notifier,
    enrich: (notification) =>
      notification.template === "password_reset" && notification.data.resetId
        ? {
            ...notification,
            data: { ...notification.data, link: `${deps.publicUrl}/reset-password?token=${resetTokenFor(notification.data.resetId, secret)}` },
          }
        : notification,
  });
  const sessions = new Sessions(
    { refreshTtlDays: deps.policy.refreshTtlDays, graceSeconds: deps.policy.refreshGraceSeconds, secret },
    clock,
    ids,
  );
  return {
    db,
    tokens: deps.tokens,
    clock,
    policy: deps.policy,
    cookies: deps.cookies,
    system: systemService({ name: "BBSCART", version: deps.version, engine: db.engine }),
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
  };
}

export type Services = ReturnType<typeof createServices>;
