/**
 * A child process killed in the middle of a confirmation: it takes the next number of a series
 * inside a unit of work, prints it, and is killed (SIGKILL, as `kill -9` or the OOM killer would)
 * at `moment`: before the unit of work commits, or after its COMMIT while the log's flush that
 * would let its caller be answered is still running (decision 168).
 * Usage: node --import tsx killed-allocation-worker.ts <dataDir> <series> <before-commit|before-flush>
 */
import fs from "node:fs";
import { openSqlite } from "./open.js";

const [dataDir, series, moment] = process.argv.slice(2);
if (!dataDir || !series || (moment !== "before-commit" && moment !== "before-flush")) {
  throw new Error("usage: killed-allocation-worker.ts <dataDir> <series> <before-commit|before-flush>");
}
const die = () => process.kill(process.pid, "SIGKILL");
if (moment === "before-flush") {
  // The flush starts right after COMMIT; the process dies before it completes, its caller never answered.
  Object.assign(fs, { fdatasync: () => void process.stdout.write("flushing\n", die) });
}
const db = openSqlite({ dataDir });
const taken = await db.uow.run(async (repos) => {
  const number = await repos.taxDocuments.nextNumber(series);
  if (moment === "before-commit") {
    process.stdout.write(`${number}\n`, die);
    // Never returns: the process dies holding the uncommitted write.
    await new Promise(() => {});
  } else {
    process.stdout.write(`${number}\n`);
  }
  return number;
});
process.stdout.write(`answered ${taken}\n`);
