import type { Repositories, UnitOfWork } from "@bbscart/core";
import type { Connection } from "./connection.js";
import { TransactionExecutor, type Executor } from "./executor.js";
import type { WriteLock } from "./lock.js";

/**
 * `uow.run` on SQLite: the write lock for the whole callback, `BEGIN IMMEDIATE` (the
 * database write lock is taken up front, so two processes never deadlock upgrading a read
 * lock), commit when the callback resolves, rollback and rethrow when it throws.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(
    private readonly writer: Connection,
    private readonly lock: WriteLock,
    private readonly repositories: (executor: Executor) => Repositories,
  ) {}

  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
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
    });
  }
}
