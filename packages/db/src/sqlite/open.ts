import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { unobserved, type CatalogVersion, type DatabaseHandle, type UnitOfWorkObserver } from "@bbscart/core";
import { defaultConnectionOptions, openReader, openWriter, type Synchronous } from "./connection.js";
import { DirectExecutor } from "./executor.js";
import { GroupCommit } from "./group-commit.js";
import { WriteLock } from "./lock.js";
import { migrate } from "./migrations/index.js";
import { sqliteRepositories } from "./repositories/index.js";
import { ordersPlacedIn } from "./repositories/orders.js";
import { sqliteRetention } from "./retention.js";
import { sqliteRollups } from "./rollups.js";
import { SqliteUnitOfWork } from "./unit-of-work.js";
import { openWalFlush } from "./wal-flush.js";

export interface SqliteOptions {
  /** Directory holding `bbscart.db`; created if missing. */
  dataDir: string;
  /** FULL (default) makes a committed order survive power loss; NORMAL trades that for speed. */
  synchronous?: Synchronous;
  /**
   * How long a write waits for another process's write lock before failing with SQLITE_BUSY.
   * better-sqlite3 waits synchronously, so this is also the longest the event loop can stall.
   */
  busyTimeoutMs?: number;
  /** Told how long each unit of work took and of each busy retry (metrics); none by default. */
  observer?: UnitOfWorkObserver;
  /**
   * Whether a write started from inside a unit of work through the wrong repositories fails at once
   * (true, the default) or waits for itself; detecting costs every promise of the process (decision 180).
   */
  detectLockReentry?: boolean;
}

export interface SqliteHandle extends DatabaseHandle {
  /** The database file, for the backup and migrate scripts and for tests that share it across processes. */
  readonly file: string;
  readonly catalogVersion: CatalogVersion;
}

export const sqliteFileName = "bbscart.db";

/**
 * Opens (creating if needed) the embedded database: applies pending migrations, then serves
 * reads from a read-only connection and writes (units of work and single guarded writes)
 * from one write connection under an in-process lock. Several processes may open the same
 * file; `BEGIN IMMEDIATE` and `busy_timeout` serialise their writes.
 */
export function openSqlite(options: SqliteOptions): SqliteHandle {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, sqliteFileName);
  const connection = {
    synchronous: options.synchronous ?? defaultConnectionOptions.synchronous,
    busyTimeoutMs: options.busyTimeoutMs ?? defaultConnectionOptions.busyTimeoutMs,
  };
  const writer = openWriter(file, connection);
  try {
    migrate(writer.db);
  } catch (error) {
    writer.db.close();
    throw error;
  }
  // Every write runs in a savepoint (a unit's, a statement's), so SQLite keeps the original of each
  // page a transaction touches in a statement journal; past 64 KiB this SQLite build spills it to a
  // temporary file opened, written page by page and closed per transaction: ~30 syscalls an order
  // under load. In memory it is bounded by the pages one transaction touches (decision 163). Set
  // after the migrations, whose one-statement rewrites of whole tables keep spilling to disk.
  writer.db.pragma("temp_store = MEMORY");
  // Durable commits flush the log off the event loop (decision 168): SQLite writes it, we flush it
  // before anyone is told. The migrations above ran with SQLite's own flush.
  let flush;
  try {
    flush = connection.synchronous === "FULL" ? openWalFlush(file) : null;
  } catch (error) {
    writer.db.close();
    throw error;
  }
  if (flush) writer.db.pragma("synchronous = NORMAL");
  const reader = openReader(file, connection);
  const lock = new WriteLock(options.detectLockReentry ?? true);
  const observer = options.observer ?? unobserved;
  const commits = new GroupCommit(writer, lock, observer, flush);
  const probe = reader.prepare("SELECT 1");
  // One row the catalog triggers keep (migration 023): a prepared primary-key read per request.
  const catalog = reader.db.prepare("SELECT version FROM catalog_version WHERE id = 1").pluck();
  const direct = new DirectExecutor(writer, reader, commits);
  return {
    engine: "sqlite",
    file,
    uow: new SqliteUnitOfWork(writer, commits, sqliteRepositories, observer),
    repos: sqliteRepositories(direct),
    retention: sqliteRetention(direct),
    rollups: sqliteRollups(direct, ordersPlacedIn),
    // A promise chain, so a driver throw (e.g. "database is closed") becomes a rejection.
    ping: () =>
      Promise.resolve().then(() => {
        if (flush?.failed) throw flush.failed;
        probe.get();
      }),
    catalogVersion: { current: () => catalog.get() as number },
    // Waits for the unit of work in flight, so closing never cuts a transaction in half.
    close: () =>
      lock.run(async () => {
        await flush?.close();
        reader.db.close();
        writer.db.close();
      }),
  };
}

/** Applies pending migrations to `file` and closes it; returns the versions applied (the `db:migrate` script). */
export function migrateSqlite(file: string): number[] {
  const writer = openWriter(file, defaultConnectionOptions);
  try {
    return migrate(writer.db);
  } finally {
    writer.db.close();
  }
}

/**
 * A consistent copy of a live database (the `db:backup` script): `VACUUM INTO` reads one
 * snapshot while other processes keep writing, and writes a compact standalone file.
 * Refuses to overwrite an existing destination.
 */
export function backupSqlite(file: string, destination: string): string {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`);
  if (fs.existsSync(destination)) throw new Error(`backup destination ${destination} already exists`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${defaultConnectionOptions.busyTimeoutMs}`);
    db.prepare("VACUUM INTO ?").run(destination);
    return destination;
  } finally {
    db.close();
  }
}

/**
 * Rewrites the database file without the pages deleted rows left free (the `db:vacuum` script):
 * SQLite reuses free pages but never gives them back to the disk. `VACUUM` takes the write lock
 * for the whole rewrite, so writers wait (and answer 503 past their busy timeout) meanwhile;
 * returns the file's size before and after, in bytes.
 */
export function vacuumSqlite(file: string, busyTimeoutMs: number): { before: number; after: number } {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`);
  // The write-ahead log holds committed pages not yet copied into the file: count both.
  const size = () => [file, `${file}-wal`].reduce((sum, part) => sum + (fs.existsSync(part) ? fs.statSync(part).size : 0), 0);
  const before = size();
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.exec("VACUUM");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return { before, after: size() };
}
