/** The persistence engines `packages/db` can run on; chosen by configuration, never by callers. */
export type DatabaseEngine = "sqlite" | "mongodb";

/**
 * A live connection to the store's database. Readiness checks ping it; shutdown closes it.
 * Nothing outside `packages/db` learns more about the engine than its name.
 */
export interface DatabaseHandle {
  readonly engine: DatabaseEngine;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
