import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openWalFlush, WalFlush, WalFlushError, type DataSync } from "./wal-flush.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A disk whose flushes finish when the test says: each `fdatasync` call waits in `pending` until `finish` (or `fail`). */
function slowDisk() {
  const pending: Array<(error: NodeJS.ErrnoException | null) => void> = [];
  const sync: DataSync = (_fd, done) => void pending.push(done);
  const finish = () => pending.shift()!(null);
  const fail = () => pending.shift()!(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
  return { sync, pending, finish, fail };
}

/** Lets promise callbacks run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** What each promise has come to so far: "pending", "ok" or the rejection's message. */
function watch(promises: Array<Promise<void>>) {
  const states = promises.map(() => "pending");
  promises.forEach((promise, i) =>
    promise.then(
      () => (states[i] = "ok"),
      (error: Error) => (states[i] = error.message),
    ),
  );
  return states;
}

describe("the write-ahead log's flush", () => {
  it("starts a flush at the first call and answers it only when the disk has finished", async () => {
    const disk = slowDisk();
    const flush = new WalFlush(-1, disk.sync);
    const states = watch([flush.flushed()]);
    expect(disk.pending).toHaveLength(1);
    await settled();
    expect(states).toEqual(["pending"]);
    disk.finish();
    await settled();
    expect(states).toEqual(["ok"]);
  });

  it("never answers a caller with a flush that began before it asked: its commit may have come after", async () => {
    const disk = slowDisk();
    const flush = new WalFlush(-1, disk.sync);
    const states = watch([flush.flushed(), flush.flushed()]);
    expect(disk.pending).toHaveLength(1);
    disk.finish();
    await settled();
    expect(states).toEqual(["ok", "pending"]);
    expect(disk.pending).toHaveLength(1);
    disk.finish();
    await settled();
    expect(states).toEqual(["ok", "ok"]);
  });

  it("gives every caller that arrives during a flush the same next one: one flush per group, not per commit", async () => {
    const disk = slowDisk();
    let flushes = 0;
    const flush = new WalFlush(-1, (fd, done) => {
      flushes += 1;
      disk.sync(fd, done);
    });
    const first = watch([flush.flushed()]);
    const during = watch(Array.from({ length: 10 }, () => flush.flushed()));
    disk.finish();
    await settled();
    expect(first).toEqual(["ok"]);
    expect(flushes).toBe(2);
    disk.finish();
    await settled();
    expect(during.every((state) => state === "ok")).toBe(true);
    expect(flushes).toBe(2);
  });

  it("after a failed flush, refuses its callers, those waiting for the next and every later one", async () => {
    const disk = slowDisk();
    const flush = new WalFlush(-1, disk.sync);
    const states = watch([flush.flushed(), flush.flushed()]);
    disk.fail();
    await settled();
    expect(states).toEqual([expect.stringMatching(/could not be flushed to disk \(EIO/), expect.stringMatching(/could not be flushed/)]);
    expect(flush.failed).toBeInstanceOf(WalFlushError);
    // A later flush could succeed on a disk that dropped the failed pages: it is never asked.
    await expect(flush.flushed()).rejects.toBeInstanceOf(WalFlushError);
    expect(disk.pending).toHaveLength(0);
  });

  it("waits for the running flush before closing the log", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-wal-"));
    dirs.push(dir);
    const disk = slowDisk();
    const flush = new WalFlush(fs.openSync(path.join(dir, "log"), "w"), disk.sync);
    const states = watch([flush.flushed()]);
    let closed = false;
    const closing = flush.close().then(() => (closed = true));
    await settled();
    expect(closed).toBe(false);
    disk.finish();
    await settled();
    disk.finish();
    await closing;
    expect(states).toEqual(["ok"]);
  });

  it("flushes a real database's log, and refuses to start without one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-wal-"));
    dirs.push(dir);
    const file = path.join(dir, "t.db");
    expect(() => openWalFlush(file)).toThrow(/ENOENT/);
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    const flush = openWalFlush(file);
    await flush.flushed();
    await flush.close();
    db.close();
  });
});
