import { err, ok, type Result } from "../result.js";

/**
 * How long a claimed key is remembered, on both engines (SQLite's retention job, MongoDB's TTL
 * index): a retry within it replays the first answer; one after it is a new request. Far past
 * any client's retry loop; Stripe keeps its own keys for 24 hours.
 */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 30;

/** Operations a client may safely retry with the same key. */
export type IdempotencyScope = "place_order" | "wallet_top_up" | "refund" | "wallet_adjustment";

/**
 * A key a user sent with a request, unique per (user, scope, key), remembering the request
 * it was used for and the id of what it produced (the order, the transfer…).
 */
export interface IdempotencyRecord {
  readonly userId: string;
  readonly scope: IdempotencyScope;
  readonly key: string;
  /** A stable fingerprint of the request body, computed by the caller. */
  readonly requestHash: string;
  readonly resultId: string;
  readonly createdAt: Date;
  /**
   * When the operation still waits for an outside party — a card top-up's payment, which the
   * provider confirms later — the time it started; null once its outcome is booked (the wallet
   * credited, or the intent cancelled unpaid), and for operations complete when the key is claimed.
   * Reconciliation asks the provider about records left open (`IdempotencyRepository.findOpen`).
   */
  readonly openSince: Date | null;
}

export type IdempotencyError = { readonly code: "IDEMPOTENCY_KEY_REUSED"; readonly key: string };

/**
 * A repeated key returns the first result (a double submit makes one order); the same key
 * with a different request is refused rather than silently answered with the wrong result.
 */
export function replayOf(record: IdempotencyRecord, requestHash: string): Result<string, IdempotencyError> {
  return record.requestHash === requestHash ? ok(record.resultId) : err({ code: "IDEMPOTENCY_KEY_REUSED", key: record.key });
}
