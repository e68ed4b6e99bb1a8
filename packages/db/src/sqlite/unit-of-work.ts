import type { Repositories, UnitOfWork } from "@bbscart/core";
import type { Connection } from "./connection.js";
import { TransactionExecutor, type Executor } from "./executor.js";
import type { GroupCommit } from "./group-commit.js";

/**
 * `uow.run` on SQLite: the callback runs alone on the write connection inside a transaction
 * opened with `BEGIN IMMEDIATE` (the database write lock is taken up front, so two processes
 * never deadlock upgrading a read lock), in its own savepoint; it is committed when it resolves
 * — together with the units queued beside it, one disk flush for the group (`GroupCommit`) —
 * and rolled back alone when it throws.
 *
 * When another process keeps the database locked past `busy_timeout` (SQLITE_BUSY), opening
 * the transaction is retried up to `BUSY_ATTEMPTS` times, then `SqliteBusyError` is thrown
 * before the callback ran.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(
    private readonly writer: Connection,
    private readonly commits: GroupCommit,
    private readonly repositories: (executor: Executor) => Repositories,
  ) {}

  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.commits.run(async () => {
      const executor = new TransactionExecutor(this.writer);
      try {
        return await fn(this.repositories(executor));
      } finally {
        executor.close();
      }
    });
  }
}
