import type { AccountId, DatabaseHandle, Money } from "@bbscart/core";

/**
 * What an engine lane can serve. A case that depends on a capability the lane lacks is
 * reported as skipped with the reason, never passed. Set a flag to false when the adapter
 * on this lane relies on an engine feature the lane's server does not have.
 */
export interface LaneCapabilities {
  /**
   * Concurrent transactions that write the same record conflict at that write, and one waits,
   * retries or aborts, instead of both committing (a lost update) or failing at commit.
   */
  readonly transactionIsolation: boolean;
  /**
   * Aggregations evaluate computed expressions in `$group` keys and accumulators and in
   * `$addFields` (`$dateToString` with a time zone, `$cond`, `$map`, `$regexMatch`): sales
   * by day and search relevance are computed that way on MongoDB.
   */
  readonly aggregationExpressions: boolean;
  /** Guarded filters can compare arithmetic over fields (onHand − reserved ≥ q, onHand + δ ≥ reserved). */
  readonly exprArithmetic: boolean;
  /** Updates remove members of an array in place (`$pull`): recovery codes are consumed that way on MongoDB. */
  readonly arrayPull: boolean;
  /** Runs a task in other OS processes against the same database as `db`; absent for single-process lanes. */
  readonly multiProcess?: MultiProcessRunner;
}

export type Capability = Exclude<keyof LaneCapabilities, "multiProcess">;

/** Work one OS process hammers the shared database with: `attempts` concurrent calls. */
export type ProcessTask =
  | { readonly kind: "reserve"; readonly variantId: string; readonly attempts: number }
  | { readonly kind: "debit"; readonly account: AccountId; readonly amount: Money; readonly attempts: number };

/** Starts `processes` processes together on `task`; resolves with each one's count of successes. */
export type MultiProcessRunner = (db: DatabaseHandle, task: ProcessTask, processes: number) => Promise<number[]>;

export interface ContractLane {
  /** A fresh, empty, migrated database; the suite closes it after each test. */
  open(): Promise<DatabaseHandle>;
  readonly capabilities: LaneCapabilities;
}
