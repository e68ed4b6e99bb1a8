import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DatabaseHandle } from "@bbscart/core";

export interface SqliteOptions {
  /** Directory holding `bbscart.db`; created if missing. */
  dataDir: string;
  /** FULL (default) makes a committed order survive power loss; NORMAL trades that for speed. */
  synchronous?: "FULL" | "NORMAL";
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

export const sqliteFileName = "bbscart.db";

/** Opens (creating if needed) the embedded database with the durability settings the product promises. */
export function openSqlite(options: SqliteOptions): DatabaseHandle & { readonly file: string } {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, sqliteFileName);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  db.pragma("foreign_keys = ON");
  const probe = db.prepare("SELECT 1");
  return {
    engine: "sqlite",
    file,
    // Executors turn a driver throw (e.g. "database is closed") into a rejection, as callers expect.
    ping: () =>
      new Promise<void>((resolve) => {
        probe.get();
        resolve();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        db.close();
        resolve();
      }),
  };
}
