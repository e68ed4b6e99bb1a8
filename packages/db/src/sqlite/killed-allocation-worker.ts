/**
 * A child process killed in the middle of a confirmation: it takes the next number of a series
 * inside a unit of work, prints it, and is killed (SIGKILL, as `kill -9` or the OOM killer would)
 * before the unit of work commits.
 * Usage: node --import tsx killed-allocation-worker.ts <dataDir> <series>
 */
import { openSqlite } from "./open.js";

const [dataDir, series] = process.argv.slice(2);
if (!dataDir || !series) throw new Error("usage: killed-allocation-worker.ts <dataDir> <series>");
const db = openSqlite({ dataDir });
await db.uow.run(async (repos) => {
  const taken = await repos.taxDocuments.nextNumber(series);
  process.stdout.write(`${taken}\n`, () => process.kill(process.pid, "SIGKILL"));
  // Never returns: the process dies holding the uncommitted write.
  await new Promise(() => {});
});
