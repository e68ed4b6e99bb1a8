import type { CurrencyCode } from "../money/money.js";
import type { DailyFigures } from "../order/figures.js";
import type { StockLevel } from "../inventory/stock.js";
import type { ProductSales, Repositories } from "./repositories.js";
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

/** Which store days the rollups are grouped by, and whether every order is in them yet. */
export interface RollupState {
  readonly timeZone: string;
  /** False while a rebuild is under way: the rollups hold only the days it has reached. */
  readonly complete: boolean;
}

/**
 * The owner's figures kept per store day (ADR 131): per day and currency (paid orders, gross,
 * refunds, units) and per product, day and currency (units, revenue). Every order write adds
 * its change in the same transaction, so reading a period costs O(days), not O(orders).
 */
export interface SalesRollupPort {
  /** Null when never built. Read the figures below only when `complete` and in the store's zone. */
  state(): Promise<RollupState | null>;
  /** Days in [`fromDay`, `toDay`) with paid orders, every currency: what `orders.salesFigures` recounts. */
  salesFigures(query: { readonly fromDay: string; readonly toDay: string }): Promise<readonly DailyFigures[]>;
  /** The `limit` best sellers of days in [`fromDay`, `toDay`), ordered as `orders.topProducts` orders them. */
  topProducts(query: { readonly fromDay: string; readonly toDay: string; readonly currency: CurrencyCode; readonly limit: number }): Promise<readonly ProductSales[]>;
  /**
   * Recomputes every rollup from the orders, days in `timeZone`, `daysPerBatch` days per short
   * transaction (orders keep being written meanwhile); idempotent. Marks the rollups complete
   * at the end unless another rebuild started since. Returns the orders and batches it read.
   */
  rebuild(timeZone: string, options: { readonly daysPerBatch: number }): Promise<{ readonly orders: number; readonly batches: number }>;
}

/**
 * The catalog's version, for caches of what the shop shows about its catalog (products, variants,
 * categories, settings). A checkout never moves it on its own: an order only changes stock.
 */
export interface CatalogVersion {
  /**
   * Never goes back, and moves on every committed catalog change — by this process or another — within
   * the engine's staleness bound (none on SQLite; at most the refresh interval on MongoDB, decision 105).
   * Synchronous, so a cache hit costs no I/O for it.
   */
  current(): number;
  /**
   * Present where `current` does not also follow availability (MongoDB): the stock of each of
   * `variantIds` that exists, in one indexed read, for the cache to check that the availability an
   * answer showed still holds. Where absent (SQLite), `current` also moves whenever a shown fact changes:
   * a variant going in or out of stock, or its count moving at or below the low-stock threshold.
   */
  readonly stockOf?: (variantIds: readonly string[]) => Promise<ReadonlyMap<string, StockLevel>>;
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
  readonly rollups: SalesRollupPort;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Lets a reader keep catalog answers through orders (decisions 104 and 105); absent where not provided. */
  readonly catalogVersion?: CatalogVersion;
  close(): Promise<void>;
}
