import { setTimeout as delay } from "node:timers/promises";
import type { Repositories, UnitOfWork } from "@bbscart/core";
import type { Connection } from "./connection.js";
import { isBusy, SqliteBusyError } from "./errors.js";
import { TransactionExecutor, type Executor } from "./executor.js";
import type { WriteLock } from "./lock.js";

/** Attempts of one unit of work while other processes hold the write lock; each waits up to `busy_timeout`. */
export const BUSY_ATTEMPTS = 3;
/** Pause after the n-th busy attempt: n × this, with the event loop free (the `busy_timeout` wait blocks it). */
const BUSY_BACKOFF_MS = 25;

/**
 * `uow.run` on SQLite: the write lock for the whole callback, `BEGIN IMMEDIATE` (the
 * database write lock is taken up front, so two processes never deadlock upgrading a read
 * lock), commit when the callback resolves, rollback and rethrow when it throws.
 *
 * When another process keeps the database locked past `busy_timeout` (SQLITE_BUSY), the
 * whole transaction is rolled back and run again, up to `BUSY_ATTEMPTS` times, then
 * `SqliteBusyError` is thrown. The port allows it: callbacks have no external effects.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(
    private readonly writer: Connection,
    private readonly lock: WriteLock,
    private readonly repositories: (executor: Executor) => Repositories,
  ) {}

  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.once(fn);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (attempt === BUSY_ATTEMPTS) throw new SqliteBusyError(attempt, error);
          await delay(BUSY_BACKOFF_MS * attempt);
        }
      }
    });
  }

  private async once<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const db = this.writer.db;
    db.exec("BEGIN IMMEDIATE");
    const executor = new TransactionExecutor(this.writer);
    try {
      const value = await fn(this.repositories(executor));
      db.exec("COMMIT");
      return value;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    } finally {
      executor.close();
    }
  }
}
