import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../index.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-db-"));
  dirs.push(dir);
  return path.join(dir, "nested", "data");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase without MONGODB_URI", () => {
  it("creates DATA_DIR/bbscart.db in WAL mode with full synchronous writes and answers pings", async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir });
    expect(db.engine).toBe("sqlite");
    await expect(db.ping()).resolves.toBeUndefined();

    const file = path.join(dataDir, "bbscart.db");
    expect(fs.existsSync(file)).toBe(true);
    const other = new Database(file, { readonly: true });
    expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    other.close();
    await db.close();
  });

  it("rejects pings once closed, so readiness reports a closed database", async () => {
    const db = await openDatabase({ dataDir: tempDir(), sqliteSynchronous: "NORMAL" });
    await db.close();
    await expect(db.ping()).rejects.toThrow();
  });
});
