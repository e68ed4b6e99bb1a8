import Database from "better-sqlite3";

export type Synchronous = "FULL" | "NORMAL";

export interface ConnectionOptions {
  readonly synchronous: Synchronous;
  /**
   * How long a statement waits for another process's write lock. better-sqlite3 waits
   * synchronously, so this is also the longest the event loop can stall on contention.
   */
  readonly busyTimeoutMs: number;
}

export const defaultConnectionOptions: ConnectionOptions = { synchronous: "FULL", busyTimeoutMs: 5_000 };

/**
 * A prepared statement whose rows are built here from better-sqlite3's raw arrays. better-sqlite3 builds
 * each row object through V8's C++ API, property by property, which cost nearly twice what a plain
 * JavaScript loop does: a catalog page's 21 products 77 µs against 41, its 50 variants 121 against
 * 84 (decision 162). Rows are the same: one property per column in column order, a later column of
 * the same name winning.
 */
export class Statement {
  private readonly names: readonly string[] | null;
  /** Whether running it may write (an INSERT … RETURNING too): counted in the connection's `writesRun`. */
  private readonly writes: boolean;

  constructor(
    private readonly statement: Database.Statement,
    private readonly tally: { writesRun: number },
  ) {
    const names = statement.reader ? statement.columns().map((column) => column.name) : null;
    // A column named __proto__ would set the row's prototype when assigned: such rows stay better-sqlite3's.
    this.names = names && !names.includes("__proto__") ? names : null;
    if (this.names) statement.raw(true);
    this.writes = !statement.readonly;
  }

  run(...params: unknown[]): Database.RunResult {
    if (this.writes) this.tally.writesRun++;
    return this.statement.run(...params);
  }

  get(...params: unknown[]): unknown {
    if (this.writes) this.tally.writesRun++;
    const values = this.statement.get(...params) as unknown[] | undefined;
    return values === undefined ? undefined : this.row(values);
  }

  all(...params: unknown[]): unknown[] {
    if (this.writes) this.tally.writesRun++;
    const rows = this.statement.all(...params);
    return this.names ? rows.map((values) => this.row(values as unknown[])) : rows;
  }

  private row(values: unknown[]): unknown {
    const names = this.names;
    if (!names) return values;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  }
}

/** One better-sqlite3 connection with a statement cache, so hot statements are compiled once. */
export class Connection {
  private readonly statements = new Map<string, Statement>();
  /** Writing statements run through `prepare` so far: how `Executor.writeStatement` knows its method ran one. */
  writesRun = 0;
  /**
   * better-sqlite3's transaction wrapper (a SAVEPOINT when a transaction is open), built once: building
   * one per call made five functions per write, a twentieth of what a checkout allocated.
   */
  private readonly atomic: <T>(fn: () => T) => T;

  constructor(readonly db: Database.Database) {
    const wrapper = db.transaction((fn: () => unknown) => fn());
    this.atomic = <T>(fn: () => T) => wrapper(fn) as T;
  }

  /** Runs `fn` atomically: in a savepoint inside an open transaction, in a transaction of its own otherwise. */
  savepoint<T>(fn: () => T): T {
    return this.atomic(fn);
  }

  /**
   * Runs `fn`'s reads in one read transaction: every statement sees the store as it stood at the
   * first, whatever another process commits meanwhile (WAL keeps that snapshot for the reader).
   * The same mechanism as {@link savepoint}, named for what a reader wants from it.
   */
  snapshot<T>(fn: () => T): T {
    return this.atomic(fn);
  }

  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = new Statement(this.db.prepare(sql), this);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The connection that writes: WAL (readers never wait for it), `synchronous` FULL by default
 * so a committed order survives power loss (the serving writer then hands the flush to `WalFlush`,
 * decision 168), foreign keys enforced.
 */
export function openWriter(file: string, options: ConnectionOptions): Connection {
  const db = new Database(file);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma("foreign_keys = ON");
  return new Connection(db);
}

/**
 * A read-only connection for reads outside transactions. In WAL mode it reads the last
 * committed state without waiting for the writer, so it never blocks on our own write lock.
 */
export function openReader(file: string, options: ConnectionOptions): Connection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  return new Connection(db);
}
