import type { Connection } from "mongoose";
import { performance } from "node:perf_hooks";
import type { UnitOfWork, UnitOfWorkObserver } from "@bbscart/core";
import type { Models } from "./models/index.js";
import { repoContext, transactionOptions } from "./repositories/context.js";
import { createRepositories } from "./repositories/index.js";
import { TransactionRetryTimeoutError } from "./transaction-retry-timeout.js";

/**
 * One MongoDB transaction per `run`. `connection.transaction` uses the driver's
 * `withTransaction`, which re-runs `fn` on a transient error (a write conflict with a
 * concurrent transaction) and retries an unknown commit result — why `fn` must be free of
 * external effects. Repositories handed to `fn` pass the session on every operation.
 *
 * The driver keeps re-running for up to 120 s, far past any request's patience; a run that would
 * start again after `retryBudgetMs` stops with {@link TransactionRetryTimeoutError} instead (a
 * non-transient error, so the driver aborts and retries no more).
 *
 * Every commit waits for the majority's journals (`transactionOptions`), so a unit asking only to be
 * `committed` (`UnitOfWorkOptions.durability`) is acknowledged the same way.
 */
export function mongoUnitOfWork(connection: Connection, models: Models, retryBudgetMs: number, observer: UnitOfWorkObserver): UnitOfWork {
  return {
    run: async (fn) => {
      const started = performance.now();
      let attempts = 0;
      try {
        const value = await connection.transaction((session) => {
          if (attempts > 0 && performance.now() - started > retryBudgetMs) throw new TransactionRetryTimeoutError(attempts, retryBudgetMs);
          // Every call after the first is the driver re-running the unit after a transient error (a write conflict).
          if (attempts > 0) observer.retried("write_conflict", 0);
          attempts += 1;
          return fn(createRepositories(repoContext(models, connection, session)));
        }, transactionOptions);
        observer.settled((performance.now() - started) / 1000, "committed");
        return value;
      } catch (error) {
        observer.settled((performance.now() - started) / 1000, "rolled_back");
        throw error;
      }
    },
  };
}
