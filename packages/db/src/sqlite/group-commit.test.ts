import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openReader, openWriter, type Connection } from "./connection.js";
import { GroupCommit } from "./group-commit.js";
import { unobserved } from "@bbscart/core";
import { WriteLock } from "./lock.js";
import { WalFlush, WalFlushError } from "./wal-flush.js";

const dirs: string[] = [];
const connections: Connection[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const connection of connections.splice(0)) connection.db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A one-table database, a GroupCommit over its writer, the COMMITs it issues, and a reader that sees only committed rows.
 * With `flush`, the group commit waits for a log flush that finishes when the test calls `disk.flushDone` (or `disk.flushFails`).
 */
function setup(maxUnits?: number, { flush = false, detectReentry = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-group-"));
  dirs.push(dir);
  const file = path.join(dir, "t.db");
  const writer = openWriter(file, { synchronous: "FULL", busyTimeoutMs: 200 });
  writer.db.exec("CREATE TABLE t (id TEXT PRIMARY KEY)");
  const reader = openReader(file, { synchronous: "FULL", busyTimeoutMs: 200 });
  connections.push(reader, writer);
  const events: string[] = [];
  /** Set to make COMMIT (or any statement in `alsoFailing`) fail as a full disk would. */
  const flushes: Array<(error: NodeJS.ErrnoException | null) => void> = [];
  const disk = {
    failing: false,
    alsoFailing: new Set<string>(),
    flushDone: () => flushes.shift()!(null),
    flushFails: () => flushes.shift()!(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" })),
  };
  const exec = writer.db.exec.bind(writer.db);
  /** Every statement the group commit itself issued (BEGIN, SAVEPOINT, COMMIT, …). */
  const issued: string[] = [];
  vi.spyOn(writer.db, "exec").mockImplementation((sql: string) => {
    issued.push(sql);
    if (disk.alsoFailing.has(sql)) throw new Error(`disk I/O error on ${sql}`);
    if (sql === "COMMIT") {
      if (disk.failing) throw new Error("disk I/O error");
      events.push("commit");
    }
    return exec(sql);
  });
  const wal = flush
    ? new WalFlush(-1, (_fd, done) => {
        events.push("flush");
        flushes.push(done);
      })
    : null;
  const commits = new GroupCommit(writer, new WriteLock(detectReentry), unobserved, wal, maxUnits);
  const insert = (id: string) => () => writer.prepare("INSERT INTO t (id) VALUES (?)").run(id);
  const committed = () => (reader.prepare("SELECT id FROM t ORDER BY id").all() as Array<{ id: string }>).map((row) => row.id);
  return { writer, commits, events, issued, disk, insert, committed };
}

describe("group commit", () => {
  it("commits units that arrive together with one COMMIT (one disk flush), in arrival order", async () => {
    const { commits, events, insert, committed } = setup();
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        commits.run(async () => {
          await Promise.resolve();
          order.push(`u${String(i).padStart(2, "0")}`);
          insert(`u${String(i).padStart(2, "0")}`)();
        }),
      ),
    );
    expect(events.filter((e) => e === "commit")).toHaveLength(1);
    expect(order).toEqual([...order].sort());
    expect(committed()).toHaveLength(20);
  });

  it("acknowledges a unit only after the COMMIT that made it durable", async () => {
    const { commits, events, insert } = setup();
    await Promise.all(["a", "b", "c"].map((id) => commits.run(insert(id)).then(() => events.push(`ack ${id}`))));
    expect(events).toEqual(["commit", "ack a", "ack b", "ack c"]);
  });

  it("rolls back only the unit that throws; the others of its group commit", async () => {
    const { commits, insert, committed } = setup();
    const results = await Promise.allSettled([
      commits.run(insert("a")),
      commits.run(() => {
        insert("b")();
        throw new Error("refused");
      }),
      commits.run(insert("a")), // a primary-key violation: SQLite's own error, also rolled back alone
      commits.run(insert("c")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("refused"));
    expect(committed()).toEqual(["a", "c"]);
  });

  it("runs a group's first unit without a savepoint: when it throws, its writes go with the transaction and the queue commits in the next", async () => {
    const { writer, commits, events, issued, insert, committed } = setup();
    const results = await Promise.allSettled([
      commits.run(() => {
        insert("a")();
        throw new Error("refused");
      }),
      commits.run(insert("b")),
      commits.run(insert("c")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(committed()).toEqual(["b", "c"]);
    expect(events).toEqual(["commit"]);
    // Only the second group's second unit ("c") needed a savepoint of its own.
    expect(issued).toEqual(["BEGIN IMMEDIATE", "ROLLBACK", "BEGIN IMMEDIATE", "SAVEPOINT unit_of_work", "RELEASE unit_of_work", "COMMIT"]);
    expect(writer.db.inTransaction).toBe(false);
  });

  it("fails every unit of the group, and keeps none of their writes, when the COMMIT fails", async () => {
    const { writer, commits, disk, insert, committed } = setup();
    disk.failing = true;
    const results = await Promise.allSettled([commits.run(insert("a")), commits.run(insert("b"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(writer.db.inTransaction).toBe(false);
    disk.failing = false;
    await commits.run(insert("c"));
    expect(committed()).toEqual(["c"]);
  });

  it("settles every unit, and keeps none of the failed group's writes, when SQLite cannot even roll a unit back", async () => {
    const { commits, disk, insert, committed } = setup();
    disk.alsoFailing.add("ROLLBACK TO unit_of_work");
    const results = await Promise.allSettled([
      commits.run(insert("a")),
      commits.run(() => {
        insert("b")();
        throw new Error("refused");
      }),
      commits.run(insert("c")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error("disk I/O error on ROLLBACK TO unit_of_work"));
    expect(committed()).toEqual(["c"]);
  });

  it("caps a group at maxUnits, so another process never waits behind an endless transaction", async () => {
    const { commits, events, insert, committed } = setup(4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => commits.run(insert(`u${i}`))));
    expect(events.filter((e) => e === "commit")).toHaveLength(3);
    expect(committed()).toHaveLength(10);
  });

  it("refuses a unit started from inside another, which would wait for itself forever", async () => {
    const { commits, insert } = setup();
    const error = await commits.run(() => commits.run(insert("inner"))).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/write lock requested inside a unit of work/);
  });

  it("without detection (production, decision 180) the same unit waits for itself instead of failing", async () => {
    const { commits, insert } = setup(undefined, { detectReentry: false });
    const nested = commits.run(() => commits.run(insert("inner"))).then(
      () => "finished",
      () => "refused",
    );
    expect(await Promise.race([nested, new Promise((resolve) => setTimeout(() => resolve("waiting"), 200))])).toBe("waiting");
  });

  describe("with the log flushed off the event loop (decision 168)", () => {
    const settled = () => new Promise((resolve) => setImmediate(resolve));

    it("acknowledges a group only after the flush that followed its COMMIT", async () => {
      const { commits, events, disk, insert } = setup(undefined, { flush: true });
      const acks = ["a", "b"].map((id) => commits.run(insert(id)).then(() => events.push(`ack ${id}`)));
      await settled();
      expect(events).toEqual(["commit", "flush"]);
      disk.flushDone();
      await Promise.all(acks);
      expect(events).toEqual(["commit", "flush", "ack a", "ack b"]);
    });

    it("runs and commits the next group while the last one's flush is on the disk, and acknowledges it after its own flush", async () => {
      const { commits, events, disk, insert, committed } = setup(undefined, { flush: true });
      const first = commits.run(insert("a")).then(() => events.push("ack a"));
      await settled();
      const second = commits.run(insert("b")).then(() => events.push("ack b"));
      await settled();
      // b is committed (another connection reads it) before a's flush has finished: the event loop never waited for the disk.
      expect(committed()).toEqual(["a", "b"]);
      expect(events).toEqual(["commit", "flush", "commit"]);
      disk.flushDone();
      await first;
      // a's flush began before b's COMMIT, so it does not vouch for b: b waits for the next.
      expect(events).toEqual(["commit", "flush", "commit", "flush", "ack a"]);
      disk.flushDone();
      await second;
      expect(events.at(-1)).toBe("ack b");
    });

    it("fails a group whose flush fails, then refuses every later unit without running it", async () => {
      const { commits, disk, insert, committed } = setup(undefined, { flush: true });
      const failing = Promise.allSettled([commits.run(insert("a")), commits.run(insert("b"))]);
      await settled();
      disk.flushFails();
      const results = await failing;
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(WalFlushError);
      // Committed before the flush was asked for: SQLite has them, the disk may not.
      expect(committed()).toEqual(["a", "b"]);
      let ran = false;
      await expect(
        commits.run(() => {
          ran = true;
          insert("c")();
        }),
      ).rejects.toBeInstanceOf(WalFlushError);
      expect(ran).toBe(false);
      expect(committed()).toEqual(["a", "b"]);
    });

    describe("units that ask only to be committed (decision 170)", () => {
      it("answers them at COMMIT and asks for no flush when the whole group is such units", async () => {
        const { commits, events, insert, committed } = setup(undefined, { flush: true });
        await Promise.all(["a", "b"].map((id) => commits.run(insert(id), "committed").then(() => events.push(`ack ${id}`))));
        expect(events).toEqual(["commit", "ack a", "ack b"]);
        expect(committed()).toEqual(["a", "b"]);
      });

      it("answers them at COMMIT while the durable units of the same group wait for its flush", async () => {
        const { commits, events, disk, insert } = setup(undefined, { flush: true });
        const durable = commits.run(insert("order")).then(() => events.push("ack order"));
        const cart = commits.run(insert("cart"), "committed").then(() => events.push("ack cart"));
        await cart;
        expect(events).toEqual(["commit", "flush", "ack cart"]);
        disk.flushDone();
        await durable;
        expect(events).toEqual(["commit", "flush", "ack cart", "ack order"]);
      });

      it("puts them on disk with the next durable group's flush, which begins after their COMMIT", async () => {
        const { commits, events, disk, insert } = setup(undefined, { flush: true });
        await commits.run(insert("cart"), "committed");
        const durable = commits.run(insert("order")).then(() => events.push("ack order"));
        await settled();
        // One log, written in order: the flush after the order's COMMIT covers the cart's too.
        expect(events).toEqual(["commit", "commit", "flush"]);
        disk.flushDone();
        await durable;
      });

      it("refuses them too, unrun, once a flush has failed", async () => {
        const { commits, disk, insert, committed } = setup(undefined, { flush: true });
        const failing = commits.run(insert("a"));
        await settled();
        disk.flushFails();
        await expect(failing).rejects.toBeInstanceOf(WalFlushError);
        let ran = false;
        await expect(
          commits.run(() => {
            ran = true;
            insert("cart")();
          }, "committed"),
        ).rejects.toBeInstanceOf(WalFlushError);
        expect(ran).toBe(false);
        expect(committed()).toEqual(["a"]);
      });
    });
  });
});
