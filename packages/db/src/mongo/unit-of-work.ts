import type { Connection } from "mongoose";
import type { UnitOfWork } from "@bbscart/core";
import type { Models } from "./models/index.js";
import { repoContext, transactionOptions } from "./repositories/context.js";
import { createRepositories } from "./repositories/index.js";

/** A unit of work kept losing write conflicts past its retry budget; nothing of it was committed. */
export class TransactionRetryTimeoutError extends Error {
  override readonly name = "TransactionRetryTimeoutError";
  constructor(attempts: number, budgetMs: number) {
    super(`MongoDB transaction gave up after ${attempts} attempts in ${budgetMs} ms of write conflicts; nothing was committed`);
  }
}

/**
 * One MongoDB transaction per `run`. `connection.transaction` uses the driver's
 * `withTransaction`, which re-runs `fn` on a transient error (a write conflict with a
 * concurrent transaction) and retries an unknown commit result — why `fn` must be free of
 * external effects. Repositories handed to `fn` pass the session on every operation.
 *
 * The driver keeps re-running for up to 120 s, far past any request's patience; a run that would
 * start again after `retryBudgetMs` stops with {@link TransactionRetryTimeoutError} instead (a
 * non-transient error, so the driver aborts and retries no more).
 */
export function mongoUnitOfWork(connection: Connection, models: Models, retryBudgetMs: number): UnitOfWork {
  return {
    run: (fn) => {
      const started = Date.now();
      let attempts = 0;
      return connection.transaction((session) => {
        if (attempts > 0 && Date.now() - started > retryBudgetMs) throw new TransactionRetryTimeoutError(attempts, retryBudgetMs);
        attempts += 1;
        return fn(createRepositories(repoContext(models, connection, session)));
      }, transactionOptions);
    },
  };
}
