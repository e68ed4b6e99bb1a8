import { TRPCError } from "@trpc/server";
import { outageOf } from "../outage.js";
import { adapterRefusal, AppError, type AppErrorCode } from "../services/common/index.js";

const codes: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/**
 * The one place where failures become tRPC errors. Refusals keep their message (services map core
 * refusal values through the one table in `services/common/refusals.ts`); an adapter's failure that
 * is the caller's doing (a foreign cursor, a unique-index clash) is the refusal the same module
 * names; a dependency that is down (the payment provider, Redis, a busy database) is 503, try again
 * (`outageOf`); anything else is a bug and becomes a generic 500 (its details go to the log, not to
 * the caller).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  const refusal = error instanceof AppError ? error : adapterRefusal(error);
  if (refusal) return new TRPCError({ code: codes[refusal.code], message: refusal.message, cause: refusal });
  const outage = outageOf(error);
  if (outage) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: outage.message, cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong", cause: error });
}
