import { performance } from "node:perf_hooks";
import type { Repositories, UnitOfWork, UnitOfWorkObserver, UnitOfWorkOptions } from "@bbscart/core";
import type { Connection } from "./connection.js";
import { TransactionExecutor, type Executor } from "./executor.js";
import type { GroupCommit } from "./group-commit.js";

/**
 * `uow.run` on SQLite: the callback runs alone on the write connection inside a transaction
 * opened with `BEGIN IMMEDIATE` (the database write lock is taken up front, so two processes
 * never deadlock upgrading a read lock), in its own savepoint unless it is the first of its group; it is committed when it resolves
 * — together with the units queued beside it, one disk flush for the group (`GroupCommit`), which
 * a unit asking only to be `committed` does not wait for — and rolled back alone when it throws.
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
    private readonly observer: UnitOfWorkObserver,
  ) {}

  /** Timed from the call to the settled promise: the wait for the write lock and the group's COMMIT are part of what a caller waits for. */
  async run<T>(fn: (repos: Repositories) => Promise<T>, options?: UnitOfWorkOptions): Promise<T> {
    const started = performance.now();
    try {
      const value = await this.commits.run(async () => {
        const executor = new TransactionExecutor(this.writer);
        try {
          return await fn(this.repositories(executor));
        } finally {
          executor.close();
        }
      }, options?.durability);
      this.observer.settled((performance.now() - started) / 1000, "committed");
      return value;
    } catch (error) {
      this.observer.settled((performance.now() - started) / 1000, "rolled_back");
      throw error;
    }
  }
}
