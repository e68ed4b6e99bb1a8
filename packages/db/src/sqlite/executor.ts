import type { Connection } from "./connection.js";
import { translateError } from "./errors.js";
import type { GroupCommit } from "./group-commit.js";

/**
 * How a repository reaches the database. Repositories are written once against this and
 * get either the executor of a unit of work or the one used outside transactions.
 */
export interface Executor {
  /** Runs read statements and maps their rows; never writes. */
  read<T>(fn: (connection: Connection) => T): Promise<T>;
  /**
   * Runs the statements of one repository method atomically on the write connection and
   * turns unique violations into `DuplicateKeyError`.
   */
  write<T>(fn: (connection: Connection) => T): Promise<T>;
  /**
   * `write` for a method whose only writing statement is one: SQLite undoes a failed statement's own
   * changes, so inside a unit of work it needs no savepoint (which copies every page the statement
   * changes; a checkout makes a dozen such writes). A second writing statement fails the method: it
   * belongs in `write`.
   */
  writeStatement<T>(fn: (connection: Connection) => T): Promise<T>;
}

/**
 * Outside a unit of work: reads on the read-only connection (committed data, no waiting),
 * each write as a unit of its own in the next group commit.
 */
export class DirectExecutor implements Executor {
  constructor(
    private readonly writer: Connection,
    private readonly reader: Connection,
    private readonly commits: GroupCommit,
  ) {}

  read<T>(fn: (connection: Connection) => T): Promise<T> {
    return Promise.resolve().then(() => fn(this.reader));
  }

  write<T>(fn: (connection: Connection) => T): Promise<T> {
    return this.commits.run(() => {
      try {
        return fn(this.writer);
      } catch (error) {
        throw translateError(error);
      }
    });
  }

  /** A unit of its own is already all or nothing. */
  writeStatement<T>(fn: (connection: Connection) => T): Promise<T> {
    return this.write(fn);
  }
}

/**
 * Inside a unit of work: everything on the write connection, which already holds the lock
 * and an open transaction. Each `write` is a savepoint, so a `DuplicateKeyError` leaves the
 * method's partial work undone while the transaction decides what to do; a `writeStatement` is
 * one statement, which SQLite itself leaves whole or undone.
 */
export class TransactionExecutor implements Executor {
  private open = true;

  constructor(private readonly writer: Connection) {}

  read<T>(fn: (connection: Connection) => T): Promise<T> {
    return Promise.resolve().then(() => fn(this.usable()));
  }

  write<T>(fn: (connection: Connection) => T): Promise<T> {
    return Promise.resolve().then(() => {
      const connection = this.usable();
      try {
        return connection.savepoint(() => fn(connection));
      } catch (error) {
        throw translateError(error);
      }
    });
  }

  writeStatement<T>(fn: (connection: Connection) => T): Promise<T> {
    return Promise.resolve().then(() => {
      const connection = this.usable();
      const before = connection.writesRun;
      let value: T;
      try {
        value = fn(connection);
      } catch (error) {
        oneStatement(connection, before);
        throw translateError(error);
      }
      oneStatement(connection, before);
      return value;
    });
  }

  /** Called when the transaction ends; repositories kept past it would write outside the lock. */
  close(): void {
    this.open = false;
  }

  private usable(): Connection {
    if (!this.open) throw new Error("unit of work already finished: its repositories cannot be used any more");
    return this.writer;
  }
}

/** Refuses a `writeStatement` method that ran more than one writing statement: without a savepoint, a failure after the first would leave it half done. */
function oneStatement(connection: Connection, before: number): void {
  const ran = connection.writesRun - before;
  if (ran > 1) throw new Error(`writeStatement ran ${ran} writing statements: a method of several writes needs write's savepoint`);
}
