import type { DatabaseHandle } from "@bbscart/core";
import { openDatabase } from "@bbscart/db";
import { LocalFileStorage } from "@bbscart/db/files";
import { assertDataDirUsable } from "../config/data-dir.js";
import { uploadsDir } from "../config/paths.js";
import { parseEnv, type Env } from "../env.js";
import { StartupError } from "../lifecycle/startup-error.js";

export interface ScriptContext {
  env: Env;
  db: DatabaseHandle;
  files: LocalFileStorage;
  print: (line: string) => void;
}

/** Opens the configured database (migrating it), runs a maintenance task, closes; errors are one line. */
export function runScript(task: (context: ScriptContext) => Promise<void> | void): void {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const main = async () => {
    const env = parseEnv();
    assertDataDirUsable(env.DATA_DIR);
    const db = await openDatabase({ dataDir: env.DATA_DIR, mongodbUri: env.MONGODB_URI, sqliteSynchronous: env.SQLITE_SYNCHRONOUS });
    try {
      await task({ env, db, files: new LocalFileStorage(uploadsDir(env)), print });
    } finally {
      await db.close();
    }
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof StartupError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exit(1);
  });
}
