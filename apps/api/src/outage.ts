import { PaymentProviderUnavailableError } from "@bbscart/core";

/** An outage of something the API depends on: answered 503 with `Retry-After`, never as a bug (500). */
export interface Outage {
  readonly message: string;
  readonly retryAfterSeconds: number;
}

/** How long a caller is asked to wait before trying again; Redis and the provider usually come back within seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * ioredis's failures while Redis is away: a command refused with the offline queue off, one that ran out
 * of retries, a socket closed or refused under it. Matched by name and message because ioredis does not
 * export its error classes from the package root.
 */
function isRedisOutage(error: Error): boolean {
  return (
    error.name === "MaxRetriesPerRequestError" ||
    /Stream isn't writeable|Connection is closed|connect ECONNREFUSED|read ECONNRESET|Reached the max retries per request/.test(error.message)
  );
}

/** SQLite answers "busy" when a writer held the file past the busy timeout: a moment of overload, not a bug. */
function isDatabaseBusy(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT";
}

/** The outage `error` stands for, or null when it is something else (a refusal, or a bug). */
export function outageOf(error: unknown): Outage | null {
  if (error instanceof PaymentProviderUnavailableError) {
    return { message: "The payment service cannot be reached just now; please try again in a few seconds", retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS };
  }
  if (!(error instanceof Error)) return null;
  if (isRedisOutage(error)) {
    return { message: "A service the shop depends on (Redis) cannot be reached just now; please try again in a few seconds", retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS };
  }
  if (isDatabaseBusy(error)) return { message: "The shop is very busy just now; please try again in a few seconds", retryAfterSeconds: 1 };
  return null;
}
