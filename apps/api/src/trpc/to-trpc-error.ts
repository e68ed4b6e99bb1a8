import { PaymentProviderUnavailableError } from "@bbscart/core";
import { TRPCError } from "@trpc/server";
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

/** How long a caller is asked to wait when the payment provider cannot be reached. */
export const PROVIDER_RETRY_AFTER_SECONDS = 5;

/**
 * The one place where failures become tRPC errors. Refusals keep their message (services map core
 * refusal values through the one table in `services/common/refusals.ts`); an adapter's failure that
 * is the caller's doing (a foreign cursor, a unique-index clash) is the refusal the same module
 * names; an unreachable payment provider is 503 (try again); anything else is a bug and becomes a
 * generic 500 (its details go to the log, not to the caller).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  const refusal = error instanceof AppError ? error : adapterRefusal(error);
  if (refusal) return new TRPCError({ code: codes[refusal.code], message: refusal.message, cause: refusal });
  if (error instanceof PaymentProviderUnavailableError) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The payment service cannot be reached just now; please try again in a few seconds", cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong", cause: error });
}
