/** The outcomes a caller can act on, each mapped to one tRPC/HTTP code in `trpc/to-trpc-error.ts`. */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export interface AppErrorDetails {
  /** The input field at fault, for forms to show the message beside it. */
  field?: string;
  /** A machine-readable reason (e.g. "TOTP_REQUIRED"), beside the human message. */
  reason?: string;
  retryAfterSeconds?: number;
}

/** An expected refusal from a service: safe to show to the caller as is. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

/** Another user's record answers exactly like a missing one, so ids reveal nothing. */
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
