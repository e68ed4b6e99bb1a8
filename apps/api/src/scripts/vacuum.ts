import path from "node:path";
import { sqliteFileName, vacuumSqlite } from "@bbscart/db";
import { systemClock } from "../runtime.js";
import { pruneOldRecords } from "../services/operations/index.js";
import { runScript } from "./script.js";

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/**
 * `npm run db:vacuum`: deletes every operational record past its retention now (what the worker's
 * retention job does hourly), then gives the space back to the disk. On SQLite that is `VACUUM`,
 * which holds the write lock while it rewrites the file: run it when the shop is quiet (writes
 * wait, and answer 503 past the busy timeout). MongoDB reuses freed space by itself.
 */
runScript(async ({ db, env, print }) => {
  const pruned = await pruneOldRecords(
    { db, clock: systemClock },
    { messagesDays: env.RETENTION_MESSAGES_DAYS, webhookEventsDays: env.RETENTION_WEBHOOK_EVENTS_DAYS, batchSize: env.RETENTION_BATCH_SIZE },
  );
  print(`db:vacuum: deleted ${Object.entries(pruned).map(([kind, count]) => `${count} ${kind.replaceAll("_", " ")}`).join(", ")}`);
  if (db.engine !== "sqlite") {
    print("db:vacuum: MongoDB reuses the freed space itself; to shrink files on disk run `compact` on each collection (see the MongoDB manual).");
    return;
  }
  const started = Date.now();
  const { before, after } = vacuumSqlite(path.join(env.DATA_DIR, sqliteFileName), 60_000);
  print(`db:vacuum: ${mib(before)} → ${mib(after)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
