import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteHandle } from "./open.js";

const worker = fileURLToPath(new URL("./killed-allocation-worker.ts", import.meta.url));
const opened: SqliteHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the worker on the store at `dataDir`; resolves with what it printed (the number it took first) and how it ended. */
function killedAllocation(dataDir: string, series: string, moment: "before-commit" | "before-flush" | "committed-answered" = "before-commit"): Promise<{ taken: number; printed: string[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ["--import", "tsx", worker, dataDir, series, moment], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve) =>
    child.on("exit", (_code, signal) => {
      const printed = output.trim().split("\n");
      resolve({ taken: Number(printed[0]), printed, signal });
    }),
  );
}

const series = "INV/26-27/";

/** A store of its own, closed and removed after the test. */
function freshStore(): { dataDir: string; db: SqliteHandle } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-killed-"));
  dirs.push(dataDir);
  const db = openSqlite({ dataDir });
  opened.push(db);
  return { dataDir, db };
}

/** The next invoice number of `series`, taken in a unit of work of this process. */
const nextNumber = (db: SqliteHandle) => db.uow.run((repos) => repos.taxDocuments.nextNumber(series));

describe("invoice numbers when a process dies mid-confirmation (issue 25)", () => {
  it("a number taken by a unit of work killed before its commit is taken again: no gap", async () => {
    const { dataDir, db } = freshStore();
    const committed = [await nextNumber(db), await nextNumber(db)];
    expect(committed).toEqual([1, 2]);

    const killed = await killedAllocation(dataDir, series);
    expect(killed).toEqual({ taken: 3, printed: ["3"], signal: "SIGKILL" });

    // The killed process's write never committed: the next confirmation gets 3, and numbering goes on from there.
    expect(await nextNumber(db)).toBe(3);
    expect(await nextNumber(db)).toBe(4);
  });

  it("a number committed by a process killed while its flush ran is kept: the log was written at COMMIT, only its caller was never answered", async () => {
    const { dataDir, db } = freshStore();
    expect(await nextNumber(db)).toBe(1);

    const killed = await killedAllocation(dataDir, series, "before-flush");
    expect(killed).toEqual({ taken: 2, printed: ["2", "flushing"], signal: "SIGKILL" });

    // A crashed process's commit is in the log (the kernel holds it): the next confirmation goes on from it.
    expect(await nextNumber(db)).toBe(3);
  });

  it("a unit that asked only to be committed is answered with no flush, and a process killed right after keeps it (decision 170)", async () => {
    const { dataDir, db } = freshStore();
    expect(await nextNumber(db)).toBe(1);

    // A flush would have printed "flushing" and killed the child before its answer.
    const killed = await killedAllocation(dataDir, series, "committed-answered");
    expect(killed).toEqual({ taken: 2, printed: ["2", "answered 2"], signal: "SIGKILL" });

    // Answered at COMMIT, never flushed by the child: the log in the kernel's hands still has it.
    expect(await nextNumber(db)).toBe(3);
  });
});
