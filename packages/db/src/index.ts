import type { DatabaseHandle, UnitOfWorkObserver } from "@bbscart/core";
import { openSqlite } from "./sqlite/open.js";

export { TransactionRetryTimeoutError } from "./mongo/transaction-retry-timeout.js";
export { idFromSql, idToSql } from "./sqlite/codec.js";
export { unpackJsonText } from "./sqlite/compact.js";
export { backupSqlite, migrateSqlite, openSqlite, sqliteFileName, vacuumSqlite, type SqliteHandle, type SqliteOptions } from "./sqlite/open.js";

export interface DatabaseOptions {
  dataDir: string;
  /** Set → MongoDB (a replica set); unset → SQLite at `dataDir/bbscart.db`. */
  mongodbUri?: string | undefined;
  sqliteSynchronous?: "FULL" | "NORMAL";
  /** SQLite only: fail a write started from inside a unit of work with the wrong repositories at once (default true; decision 180). */
  sqliteDetectLockReentry?: boolean | undefined;
  /** MongoDB only: how long a unit of work may keep re-running after write conflicts (default 5 s). */
  mongoTransactionRetryMs?: number | undefined;
  /** MongoDB only: how often, at most, the catalog's version is read again (default 1 s, decision 105). */
  mongoCatalogVersionTtlMs?: number | undefined;
  /** Told of every unit of work and transaction retry, for metrics (ADR 051); none by default. */
  observer?: UnitOfWorkObserver | undefined;
}

/**
 * The one place the engine is chosen; callers only ever see the {@link DatabaseHandle} port.
 * The MongoDB adapter is imported only when chosen: mongoose and the driver cost a SQLite process
 * about 28 MiB of resident memory it would never use (decision 106).
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.mongodbUri) {
    const { openMongo } = await import("./mongo/open.js");
    return openMongo({
      uri: options.mongodbUri,
      ...(options.mongoTransactionRetryMs === undefined ? {} : { transactionRetryBudgetMs: options.mongoTransactionRetryMs }),
      ...(options.mongoCatalogVersionTtlMs === undefined ? {} : { catalogVersionRefreshMs: options.mongoCatalogVersionTtlMs }),
      ...(options.observer ? { observer: options.observer } : {}),
    });
  }
  return openSqlite({
    dataDir: options.dataDir,
    ...(options.sqliteSynchronous ? { synchronous: options.sqliteSynchronous } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.sqliteDetectLockReentry === undefined ? {} : { detectLockReentry: options.sqliteDetectLockReentry }),
  });
}
