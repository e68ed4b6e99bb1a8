import type { DatabaseOptions } from "@bbscart/db";
import type { Env } from "../env.js";
import type { Metrics } from "../metrics/metrics.js";

/** How the API and the worker open the database: the configured engine, with this process's metrics hook when enabled (ADR 051). */
export function databaseOptions(env: Env, metrics: Metrics | null): DatabaseOptions {
  return {
    dataDir: env.DATA_DIR,
    mongodbUri: env.MONGODB_URI,
    mongoTransactionRetryMs: env.MONGODB_TRANSACTION_RETRY_MS,
    mongoCatalogVersionTtlMs: env.MONGODB_CATALOG_VERSION_TTL_MS,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
    // A write through the wrong repositories inside a unit of work is a programming error the tests
    // and development catch at once; production does not pay every promise for it (decision 180).
    sqliteDetectLockReentry: env.NODE_ENV !== "production",
    observer: metrics?.database(env.MONGODB_URI ? "mongodb" : "sqlite"),
  };
}
