import { setTimeout as delay } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import type { Durability, UnitOfWorkObserver } from "@bbscart/core";
import type { Connection } from "./connection.js";
import { isBusy, SqliteBusyError } from "./errors.js";
import type { WriteLock } from "./lock.js";
import type { WalFlush } from "./wal-flush.js";

/** Attempts to open a write transaction while other processes hold the database's write lock; each waits up to `busy_timeout`. */
export const BUSY_ATTEMPTS = 3;
/** Pause after the n-th busy attempt: n × this, with the event loop free (the `busy_timeout` wait blocks it). */
const BUSY_BACKOFF_MS = 25;
/** Units per shared transaction: bounds how long another process waits for the write lock. */
export const MAX_UNITS_PER_COMMIT = 64;

interface Unit {
  readonly body: () => unknown;
  /** Answered only once the log holding its commit is flushed; otherwise at COMMIT (decision 170). */
  readonly durable: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: with `synchronous = FULL` every COMMIT waits for the disk (fsync), and under load
 * that wait, not the CPU, capped how many orders per second one process could take. Units of
 * work that arrive while a transaction is running queue up; the next transaction runs them one
 * after another, each after the first inside its own SAVEPOINT (a unit that throws is rolled back
 * alone: the first with the transaction, the queue going on in the next), and commits them
 * together: one disk flush for the whole group.
 *
 * Nothing is acknowledged early: a unit's promise settles with its value only after the COMMIT
 * that contains it and, where commits must be durable, the flush of the log that put it on disk
 * (`WalFlush`, run off the event loop: the next group runs meanwhile). A unit that asked only to be
 * `committed` is answered at COMMIT, and a group of such units asks for no flush: the next durable
 * group's flush puts them on disk with it (the log is one file, written in order). If that COMMIT
 * fails, every unit of the group fails with it and none of their writes remain; if the flush fails,
 * every durable unit of the group fails (committed, but not known to be on disk) and so does every
 * later one (`WalFlushError`). Units run in arrival order, one at a time, under the in-process write lock.
 */
export class GroupCommit {
  private readonly queue: Unit[] = [];
  private draining = false;

  constructor(
    private readonly writer: Connection,
    private readonly lock: WriteLock,
    private readonly observer: UnitOfWorkObserver,
    /** The log's flush when the writer leaves it to us (`synchronous = FULL`, decision 168); none when commits need not be durable. */
    private readonly flush: WalFlush | null,
    private readonly maxUnits = MAX_UNITS_PER_COMMIT,
  ) {}

  /** Runs `body` in the next shared write transaction; settles once that transaction has committed (and, if `durable`, is on disk). */
  run<T>(body: () => T | Promise<T>, durability: Durability = "durable"): Promise<T> {
    this.lock.refuseReentry();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ body, durable: durability === "durable", resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.lock.run(() => this.group());
    } catch (error) {
      // Only the lock itself can throw here (group settles its own units): never leave a caller waiting.
      for (const unit of this.queue.splice(0)) unit.reject(error);
    } finally {
      this.draining = false;
    }
  }

  /** One transaction: BEGIN IMMEDIATE (retried while another process writes), the queued units, COMMIT. */
  private async group(): Promise<void> {
    const failed = this.flush?.failed;
    if (failed) {
      for (const unit of this.queue.splice(0)) unit.reject(failed);
      return;
    }
    if (!(await this.begin())) return;
    const db = this.writer.db;
    const done: Array<{ unit: Unit; value: unknown }> = [];
    try {
      while (this.queue.length > 0 && done.length < this.maxUnits) {
        const unit = this.queue.shift()!;
        // The group's first unit is alone in the transaction: rolling the transaction back undoes
        // exactly its work, so it runs without a savepoint, which would copy every page it changes
        // (a paced checkout, usually alone, changes some thirty).
        const first = done.length === 0;
        try {
          if (!first) db.exec("SAVEPOINT unit_of_work");
          const value = await unit.body();
          if (!first) db.exec("RELEASE unit_of_work");
          done.push({ unit, value });
        } catch (error) {
          unit.reject(error);
          // SQLite itself rolled the whole transaction back (disk full, I/O error): the units
          // already run in it are lost too.
          if (!db.inTransaction) throw error;
          if (first) {
            // The units still queued run in the next transaction (`drain` opens it).
            db.exec("ROLLBACK");
            return;
          }
          db.exec("ROLLBACK TO unit_of_work");
          db.exec("RELEASE unit_of_work");
        }
      }
      db.exec("COMMIT");
    } catch (error) {
      try {
        if (db.inTransaction) db.exec("ROLLBACK");
      } finally {
        for (const { unit } of done) unit.reject(error);
      }
      return;
    }
    // The lock is released here, so the next group runs while this one's flush is on the disk.
    const flush = this.flush;
    const durable = flush ? done.filter(({ unit }) => unit.durable) : [];
    for (const { unit, value } of done) if (!flush || !unit.durable) unit.resolve(value);
    if (!flush || durable.length === 0) return;
    void flush.flushed().then(
      () => {
        for (const { unit, value } of durable) unit.resolve(value);
      },
      (error: unknown) => {
        for (const { unit } of durable) unit.reject(error);
      },
    );
  }

  /** Opens the group's transaction; false (every queued unit failed) when it cannot be opened. */
  private async begin(): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        this.writer.db.exec("BEGIN IMMEDIATE");
        return true;
      } catch (error) {
        if (isBusy(error) && attempt < BUSY_ATTEMPTS) {
          await delay(BUSY_BACKOFF_MS * attempt);
          this.observer.retried("busy", (performance.now() - started) / 1000);
          continue;
        }
        const failure = isBusy(error) ? new SqliteBusyError(attempt, error) : error;
        for (const unit of this.queue.splice(0)) unit.reject(failure);
        return false;
      }
    }
  }
}
