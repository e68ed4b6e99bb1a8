import fs from "node:fs";
import path from "node:path";
import { StartupError } from "../lifecycle/startup-error.js";

export class DataDirError extends StartupError {
  override name = "DataDirError";
}

/** What an operator can act on, for the errors a folder we must write to can give. */
const reasons: Record<string, string> = {
  EACCES: "is not writable by this user",
  EPERM: "is not writable by this user",
  EROFS: "is on a read-only file system",
  ENOSPC: "is on a full disk",
  EDQUOT: "is over its disk quota",
  ENOTDIR: "is not a folder (a file is in the way)",
  EEXIST: "is not a folder (a file is in the way)",
};

/**
 * Makes sure `DATA_DIR` exists, is a folder and takes a write, before anything opens the database
 * or stores secrets there: otherwise the first sign is a multi-line SQLite stack that never names
 * the folder. Throws a {@link DataDirError} whose message is one line naming the folder and the problem.
 */
export function assertDataDirUsable(dataDir: string): void {
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = reasons[code] ?? `cannot be used (${(error as Error).message})`;
    throw new DataDirError(`DATA_DIR ${dataDir} ${reason}; fix it or set DATA_DIR to a writable folder.`);
  };
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    if (!fs.statSync(dataDir).isDirectory()) fail(Object.assign(new Error("not a folder"), { code: "ENOTDIR" }));
    const probe = path.join(dataDir, `.write-check-${process.pid}`);
    // A real write of a few KiB with fsync: creating an empty file can succeed on a full disk.
    const fd = fs.openSync(probe, "w");
    try {
      fs.writeSync(fd, Buffer.alloc(4096));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(probe, { force: true });
    }
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    fail(error);
  }
}
