import type { Actor, AdminPermission, User } from "@bbscart/core";
import { initTRPC } from "@trpc/server";
import type { CreateExpressContextOptions } from "@trpc/server/adapters/express";
import type { Request, Response } from "express";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import { adminRefusal, loadCaller, readBearer, type Bearer } from "../auth/caller.js";
import type { Logger } from "../logger.js";
import { AppError } from "../services/common/index.js";
import type { Services } from "../services/index.js";
import { outageOf } from "../outage.js";
import { toTRPCError } from "./to-trpc-error.js";
import { syncParsing } from "./sync-parse.js";
import { transformer } from "./transformer.js";

export interface Context {
  services: Services;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  requestId: string;
  /** The client address, from X-Forwarded-For only across TRUST_PROXY hops. */
  ip: string;
  req: Request;
  res: Response;
  /** The bearer token's subject, or why it was refused; null when none was sent. */
  bearer: Bearer;
  /** Which surface called: the web's tRPC endpoint, or /api/v1 (bearer only: no cookies read or set). */
  surface: "rpc" | "rest";
}

/** Who may call a procedure: the rule every procedure declares by the builder it starts from. */
export type Access = "public" | "authed" | `admin:${AdminPermission}`;

/** `access` is set by the builder a procedure starts from; `openapi` exposes it under /api/v1. */
export type Meta = OpenApiMeta<{ access: Access }>;

export function contextFactory(services: Services, surface: Context["surface"] = "rpc") {
  return ({ req, res }: Pick<CreateExpressContextOptions, "req" | "res">): Context => {
    const bearer = readBearer(services.tokens, req.headers.authorization);
    return {
      services,
      // Read when a procedure logs, not for every call: `req.log` is made on first use (access-log.ts), and
      // a catalog read that logs nothing then makes none. (A middleware passing `ctx` on reads it then.)
      get log() {
        return req.log;
      },
      requestId: req.id,
      ip: req.ip ?? "unknown",
      req,
      res,
      bearer,
      surface,
    };
  };
}

/**
 * Runs work once the answer has gone out, so how long the work takes cannot be read from the
 * response time (forgot-password must not tell which emails have accounts). It starts a random
 * 0–`jitterMs` later, so it does not land on whichever request the same client sends next either.
 * Failures are logged.
 */
export function afterResponse(ctx: Context, jitterMs: number): (work: () => Promise<void>) => void {
  return (work) => {
    ctx.res.once("close", () => {
      setTimeout(() => {
        work().catch((error: unknown) => ctx.log.error({ err: error }, "work after the response failed"));
      }, Math.random() * jitterMs);
    });
  };
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    // tRPC would otherwise decide from NODE_ENV and put stack traces in responses; ours go to the log.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError ? cause.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) : undefined;
      const details = cause instanceof AppError ? cause.details : {};
      return {
        ...shape,
        message: fieldErrors ? fieldErrors.map((e) => e.message).join("; ") : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          fieldErrors: fieldErrors ?? (details.field ? [{ path: details.field, message: error.message }] : []),
          reason: details.reason ?? null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure's failures go through `toTRPCError`: a service's refusal reaches tRPC as an
 * unknown error, and is translated here; a 429 also says when to come back.
 */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR" || !result.error.cause) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError && cause.details.retryAfterSeconds !== undefined) {
    ctx.res.setHeader("Retry-After", String(cause.details.retryAfterSeconds));
  }
  const outage = outageOf(cause);
  if (outage) ctx.res.setHeader("Retry-After", String(outage.retryAfterSeconds));
  throw toTRPCError(cause);
});

/** Where every procedure starts: inputs and outputs parsed sync-first (sync-parse.ts, decision 161). */
const procedure = syncParsing(t.procedure);

export const publicProcedure = procedure.use(mapErrors).meta({ access: "public" });

/**
 * Signed-in users. The token only names the user; role, permissions and the disabled flag are read
 * from the database on every request, so a demoted or disabled user loses access at once.
 */
export const authedProcedure = procedure
  .use(mapErrors)
  .use(async ({ ctx, next }) => {
    const caller = await loadCaller(ctx.services.db.repos.users, ctx.bearer);
    if ("refusal" in caller) throw new AppError("UNAUTHORIZED", caller.refusal);
    return next({ ctx: caller });
  })
  .meta({ access: "authed" });

/** Admins holding `permission` (and, where the store requires it, an enrolled second factor). */
export const adminProcedure = (permission: AdminPermission) =>
  authedProcedure
    .use(({ ctx, next }) => {
      const { user, actor } = ctx as typeof ctx & { user: User; actor: Actor };
      const refusal = adminRefusal(user, actor, permission, ctx.services.policy.adminTotpRequired);
      if (refusal) throw new AppError("FORBIDDEN", refusal.message, refusal.reason ? { reason: refusal.reason } : {});
      return next();
    })
    .meta({ access: `admin:${permission}` });

