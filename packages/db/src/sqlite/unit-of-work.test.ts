import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { TransactionRetryReason, UnitOfWorkObserver, UnitOfWorkOutcome } from "@bbscart/core";
import { inr } from "@bbscart/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteBusyError } from "./errors.js";
import { openSqlite, type SqliteHandle } from "./open.js";
import { BUSY_ATTEMPTS } from "./group-commit.js";

/** Another process holding the database's write lock (`BEGIN IMMEDIATE`) until it reads a line on stdin. */
const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); process.exit(0); });
`;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function holdWriteLock(file: string): Promise<{ release: () => Promise<void> }> {
  const child = spawn(process.execPath, ["-e", HOLDER, file], { cwd: import.meta.dirname, stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  expect(chunk.toString()).toBe("locked\n");
  return {
    release: async () => {
      child.stdin.end("release\n");
      await once(child, "exit");
    },
  };
}

/** A database whose writers give up on a held lock after 200 ms, so each busy attempt is short. */
function openShared(observer?: UnitOfWorkObserver): SqliteHandle {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-busy-"));
  dirs.push(dataDir);
  return openSqlite({ dataDir, busyTimeoutMs: 200, ...(observer ? { observer } : {}) });
}

/** An observer that keeps what it was told. */
function recorder() {
  const settled: Array<{ seconds: number; outcome: UnitOfWorkOutcome }> = [];
  const retried: Array<{ reason: TransactionRetryReason; waitedSeconds: number }> = [];
  const observer: UnitOfWorkObserver = { settled: (seconds, outcome) => settled.push({ seconds, outcome }), retried: (reason, waitedSeconds) => retried.push({ reason, waitedSeconds }) };
  return { observer, settled, retried };
}

describe("the unit-of-work observer (metrics)", () => {
  it("is told how each unit of work ended and how long it took", async () => {
    const seen = recorder();
    const db = openShared(seen.observer);
    await db.uow.run((repos) => repos.ledger.credit("wallet:user-1", inr(100)));
    await expect(db.uow.run(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(seen.settled.map((s) => s.outcome)).toEqual(["committed", "rolled_back"]);
    expect(seen.settled.every((s) => s.seconds > 0 && s.seconds < 5)).toBe(true);
    expect(seen.retried).toEqual([]);
    await db.close();
  });

  it("is told of each busy retry with the time it waited for the other process's lock", async () => {
    const seen = recorder();
    const db = openShared(seen.observer);
    const holder = await holdWriteLock(db.file);
    const run = db.uow.run((repos) => repos.ledger.credit("wallet:user-1", inr(100)));
    setTimeout(() => void holder.release(), 0);
    await run;
    expect(seen.retried.length).toBeGreaterThanOrEqual(1);
    // Each busy attempt waits out busy_timeout (200 ms) before the retry.
    expect(seen.retried.every((r) => r.reason === "busy" && r.waitedSeconds >= 0.15)).toBe(true);
    expect(seen.settled.map((s) => s.outcome)).toEqual(["committed"]);
    await db.close();
  });
});

describe("uow.run while another process holds the write lock", () => {
  it("retries the whole unit of work once the lock is free, and commits it once", async () => {
    const db = openShared();
    const holder = await holdWriteLock(db.file);
    let calls = 0;
    const run = db.uow.run(async (repos) => {
      calls += 1;
      await repos.ledger.credit("wallet:user-1", inr(100));
    });
    // A timer only fires once the first attempt has given up (its busy wait blocks the event
    // loop), so the lock is released between attempts: success proves a retry happened.
    setTimeout(() => void holder.release(), 0);
    await run;
    expect(calls).toBe(1);
    expect(await db.repos.ledger.balance("wallet:user-1", "INR")).toEqual(inr(100));
    await db.close();
  });

  it("gives up with SqliteBusyError after a bounded number of attempts, committing nothing", async () => {
    const db = openShared();
    const holder = await holdWriteLock(db.file);
    let calls = 0;
    const error = await db.uow
      .run(() => {
        calls += 1;
        return Promise.resolve();
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SqliteBusyError);
    expect((error as Error).message).toBe(`SQLite database is busy: another process held its write lock through ${BUSY_ATTEMPTS} attempts; nothing was committed`);
    expect(calls).toBe(0);
    await holder.release();
    // The in-process lock was released too: the next unit of work runs.
    await db.uow.run((repos) => repos.ledger.credit("wallet:user-1", inr(1)));
    expect(await db.repos.ledger.balance("wallet:user-1", "INR")).toEqual(inr(1));
    await db.close();
  });
});
