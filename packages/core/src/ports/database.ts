import type { Repositories } from "./repositories.js";
import type { UnitOfWork } from "./unit-of-work.js";

/**
 * Operational records deleted once old enough (the retention job); orders, money, stock and the
 * audit log are never among them. Each kind says what "old" is measured from:
 * - `delivered_messages`: outbox messages sent or discarded, by creation time;
 * - `processed_webhook_events`: webhook events processed, by receipt time (a provider re-sending one
 *   after that would be processed again, so the window must outlast the provider's retries);
 * - `idempotency_keys`: by claim time;
 * - `ended_sessions` / `ended_password_resets`: by expiry.
 */
export const PRUNABLE_RECORDS = ["delivered_messages", "processed_webhook_events", "idempotency_keys", "ended_sessions", "ended_password_resets"] as const;
export type PrunableRecord = (typeof PRUNABLE_RECORDS)[number];

/** Deletes old operational records in small batches, outside any transaction. */
export interface RetentionPort {
  /**
   * Deletes at most `limit` records of `kind` older than `before`, in one short write (on SQLite
   * the write lock is held for that batch only); returns how many. Call again for more.
   */
  prune(kind: PrunableRecord, before: Date, limit: number): Promise<number>;
}

/** The persistence engines `packages/db` can run on; chosen by configuration, never by callers. */
export type DatabaseEngine = "sqlite" | "mongodb";

/**
 * A live connection to the store's database: what `openDatabase` in `packages/db` returns.
 * Nothing outside `packages/db` learns more about the engine than its name.
 */
export interface DatabaseHandle {
  readonly engine: DatabaseEngine;
  /** Every multi-record write goes through here: one transaction, all or nothing. */
  readonly uow: UnitOfWork;
  /**
   * Reads, and single guarded writes, outside any transaction. They never see another request's
   * uncommitted work (SQLite reads use their own connection).
   */
  readonly repos: Repositories;
  readonly retention: RetentionPort;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /**
   * A number that changes whenever anything is committed, by this process or any other; absent
   * where the engine cannot tell that cheaply (MongoDB). Lets a reader cache answers safely.
   */
  readonly dataVersion?: () => number;
  close(): Promise<void>;
}
