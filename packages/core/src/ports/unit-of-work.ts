import { err, type Result } from "../result.js";
import type { Repositories } from "./repositories.js";

/**
 * One database transaction. Everything `fn` writes through `repos` commits together when it
 * resolves, or not at all when it throws. The adapter may run `fn` more than once (a
 * MongoDB transient transaction error, SQLite busy), so `fn` must do no external I/O:
 * provider calls and sending happen after `run` resolves.
 */
export interface UnitOfWork {
  run<T>(fn: (repos: Repositories) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
}

/**
 * When a unit's caller is told it committed. `durable` (the default): once the commit is on disk, so
 * not even a power cut takes back what was acknowledged. `committed`: once it is committed — a crashed
 * process loses nothing, a power cut may lose the last such writes before the next durable commit's
 * flush — for what a shopper simply does again and that moves no money, stock or order: a cart
 * (decision 170). An adapter whose every commit is durable treats both alike.
 */
export type Durability = "durable" | "committed";

export interface UnitOfWorkOptions {
  readonly durability?: Durability;
}

/** How a unit of work ended: committed, or rolled back (it threw, a refusal included, or its commit failed). */
export const UNIT_OF_WORK_OUTCOMES = ["committed", "rolled_back"] as const;
export type UnitOfWorkOutcome = (typeof UNIT_OF_WORK_OUTCOMES)[number];

/** Why a transaction was tried again: a MongoDB write conflict (re-run), or SQLite's write lock held by another process. */
export const TRANSACTION_RETRY_REASONS = ["write_conflict", "busy"] as const;
export type TransactionRetryReason = (typeof TRANSACTION_RETRY_REASONS)[number];

/**
 * What the adapters tell about their transactions, for metrics (ADR 051). Called on every unit of
 * work, so an implementation must be cheap and must never throw.
 */
export interface UnitOfWorkObserver {
  /** A unit of work settled `seconds` after `run` was called (waiting for the write lock, busy waits and re-runs included). */
  settled(seconds: number, outcome: UnitOfWorkOutcome): void;
  /** The transaction is tried again; `waitedSeconds` is how long the failed attempt waited first (SQLite's busy wait and backoff; 0 for a re-run). */
  retried(reason: TransactionRetryReason, waitedSeconds: number): void;
}

/** The observer of a database opened without metrics. */
export const unobserved: UnitOfWorkObserver = { settled: () => undefined, retried: () => undefined };

class Rollback<E> extends Error {
  constructor(readonly error: E) {
    super("rolled back by a domain refusal");
  }
}

/**
 * Runs `fn` in one transaction that commits only if it returns an ok result. A refusal
 * (out of stock on the third line, insufficient funds on the second transfer) rolls back
 * everything already written and comes back as the same value; exceptions still throw.
 */
export async function transact<T, E>(uow: UnitOfWork, fn: (repos: Repositories) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  try {
    return await uow.run(async (repos) => {
      const result = await fn(repos);
      if (!result.ok) throw new Rollback(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return err(error.error as E);
    throw error;
  }
}
