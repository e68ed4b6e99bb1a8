import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The in-process write lock: a FIFO async mutex held for a whole unit of work, and for each
 * single write outside one. better-sqlite3 runs statements synchronously on one connection,
 * so a transaction whose callback awaits would otherwise let another request's statements
 * run inside it. Holding it also means this process never waits on its own write lock in
 * SQLite: only other processes can make `busy_timeout` kick in.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  /**
   * Set while the current async context holds the lock, to turn a self-deadlock into an error; null
   * when not detecting. An `AsyncLocalStorage` once run turns on Node's promise hooks for every
   * promise the process makes from then on (Node 20): 4–5 % of a checkout's CPU (decision 180).
   */
  private readonly holder: AsyncLocalStorage<true> | null;

  constructor(detectReentry = true) {
    this.holder = detectReentry ? new AsyncLocalStorage<true>() : null;
  }

  /** Throws when the current async context holds the lock: waiting for it would wait for ourselves forever. */
  refuseReentry(): void {
    if (this.holder?.getStore()) {
      throw new Error("SQLite write lock requested inside a unit of work: use the repositories passed to uow.run");
    }
  }

  /** Runs `fn` once every earlier holder has finished; releases even when `fn` throws. */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    this.refuseReentry();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await (this.holder ? this.holder.run(true, fn) : fn());
    } finally {
      release();
    }
  }
}
