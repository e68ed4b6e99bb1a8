import type { ClientSession, Connection, mongo } from "mongoose";
import type { Models } from "../models/index.js";

/**
 * Snapshot reads, majority writes, primary reads: what every transaction of the store runs
 * with, so a committed order survives a failover and a transaction sees one consistent state.
 */
export const transactionOptions: mongo.TransactionOptions = {
  readConcern: { level: "snapshot" },
  writeConcern: { w: "majority" },
  readPreference: "primary",
};

/** What a repository is created with: the models, and the session of the current transaction. */
export interface RepoContext {
  readonly models: Models;
  /** The unit of work's session; undefined for `handle.repos`, which run outside transactions. */
  readonly session: ClientSession | undefined;
  /**
   * Runs `fn` in the current transaction, or — outside a unit of work — in a transaction of
   * its own. Repository methods that write more than one document go through here, so they
   * are all-or-nothing however they are called.
   */
  readonly atomically: <T>(fn: (session: ClientSession) => Promise<T>) => Promise<T>;
}

export function repoContext(models: Models, connection: Connection, session: ClientSession | undefined): RepoContext {
  return {
    models,
    session,
    atomically: (fn) => (session ? fn(session) : connection.transaction(fn, transactionOptions)),
  };
}
