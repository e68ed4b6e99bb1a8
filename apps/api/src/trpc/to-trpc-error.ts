import { isDuplicateKey, PaymentProviderUnavailableError } from "@bbscart/core";
import { TRPCError } from "@trpc/server";
import { AppError, type AppErrorCode } from "../services/app-error.js";

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
 * The one place where failures become tRPC errors. Expected refusals keep their message; a unique
 * index that a service did not anticipate is still a conflict, not a crash; an unreachable payment
 * provider is 503 (try again); anything else is a bug and becomes a generic 500 (its details go to
 * the log, not to the caller).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
  if (isDuplicateKey(error)) return new TRPCError({ code: "CONFLICT", message: "This record already exists", cause: error });
  if (error instanceof PaymentProviderUnavailableError) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The payment service cannot be reached just now; please try again in a few seconds", cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong", cause: error });
}
