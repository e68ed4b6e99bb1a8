import fs from "node:fs";
import path from "node:path";

/** `fs.fdatasync`'s shape: the flush runs on one of libuv's threads and calls back on the event loop. */
export type DataSync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * The write-ahead log could not be flushed. The kernel may have dropped the pages it failed to
 * write, so no later flush can vouch for commits made before it: every write from then on is
 * refused, and so is the readiness probe, until the process is restarted and SQLite's recovery
 * reads what the disk really holds.
 */
export class WalFlushError extends Error {
  constructor(cause: NodeJS.ErrnoException) {
    super(`the write-ahead log could not be flushed to disk (${cause.message}); restart the process`, { cause });
    this.name = "WalFlushError";
  }
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Flushes the write-ahead log to disk off the event loop (decision 168). With `synchronous = FULL`
 * SQLite flushes inside each COMMIT, and better-sqlite3 runs COMMIT on the event loop: every order
 * held every other request still for a disk flush. The writer instead commits with
 * `synchronous = NORMAL` (SQLite writes the log but leaves the flush to us) and each commit's
 * callers wait for {@link flushed}, which resolves once a flush that began after the call has
 * completed — so everything committed before the call is on disk.
 *
 * Callers that arrive while a flush is running share the next one: one flush for every commit
 * made meanwhile, the group commit the disk's latency allows.
 */
export class WalFlush {
  private running = false;
  /** Waiting for the next flush: it must begin after they asked, so it covers their commits. */
  private waiting: Waiter[] = [];
  private failure: WalFlushError | null = null;

  constructor(
    private readonly fd: number,
    private readonly sync: DataSync = fs.fdatasync,
  ) {}

  /** The flush failure every later write is refused with, if one happened. */
  get failed(): WalFlushError | null {
    return this.failure;
  }

  /** Resolves once everything written to the log before this call is on disk; rejects with {@link WalFlushError} if it cannot be. */
  flushed(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.push({ resolve, reject });
      if (!this.running) this.begin();
    });
  }

  /** Waits for the flushes asked for so far, then closes the log's descriptor. */
  async close(): Promise<void> {
    if (this.running) await this.flushed().catch(() => undefined);
    fs.closeSync(this.fd);
  }

  private begin(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    this.sync(this.fd, (error) => {
      this.running = false;
      if (error) this.failure ??= new WalFlushError(error);
      for (const waiter of batch) {
        if (this.failure) waiter.reject(this.failure);
        else waiter.resolve();
      }
      if (this.waiting.length === 0) return;
      if (this.failure) for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
      else this.begin();
    });
  }
}

/**
 * Opens the flush of `file`'s write-ahead log, which must exist (the writer has read the database in
 * WAL mode). The directory is flushed once too: SQLite's own first flush of a new log does that, so
 * the log's name survives a power loss along with its contents.
 */
export function openWalFlush(file: string, sync?: DataSync): WalFlush {
  const log = fs.openSync(`${file}-wal`, "r");
  const directory = fs.openSync(path.dirname(file), "r");
  try {
    fs.fsyncSync(directory);
  } catch (error) {
    fs.closeSync(log);
    throw error;
  } finally {
    fs.closeSync(directory);
  }
  return new WalFlush(log, sync);
}
