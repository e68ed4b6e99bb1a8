import path from "node:path";
import { backupSqlite, sqliteFileName } from "@bbscart/db";
import { runScript } from "./script.js";

/**
 * `npm run db:backup [destination]`: a consistent copy of the live SQLite database (VACUUM INTO),
 * safe while the shop runs. MongoDB deployments back up with their own tools (mongodump, snapshots).
 */
runScript(({ db, env, print }) => {
  if (db.engine !== "sqlite") {
    throw new Error("db:backup copies the embedded SQLite database; back up MongoDB with mongodump or volume snapshots.");
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = path.resolve(process.argv[2] ?? path.join(env.DATA_DIR, "backups", `bbscart-${stamp}.db`));
  backupSqlite(path.join(env.DATA_DIR, sqliteFileName), destination);
  print(`db:backup: wrote ${destination}`);
});
