/**
 * A child process killed in the middle of a confirmation: it takes the next number of a series
 * inside a unit of work, prints it, and is killed (SIGKILL, as `kill -9` or the OOM killer would)
 * at `moment`: before the unit of work commits, or after its COMMIT while the log's flush that
 * would let its caller be answered is still running (decision 168), or — `committed-answered`, a unit
 * that asked only to be committed (decision 170) — right after its caller was answered, no flush run.
 * Usage: node --import tsx killed-allocation-worker.ts <dataDir> <series> <before-commit|before-flush|committed-answered>
 */
import fs from "node:fs";
import { openSqlite } from "./open.js";

const [dataDir, series, moment] = process.argv.slice(2);
if (!dataDir || !series || (moment !== "before-commit" && moment !== "before-flush" && moment !== "committed-answered")) {
  throw new Error("usage: killed-allocation-worker.ts <dataDir> <series> <before-commit|before-flush|committed-answered>");
}
const die = () => process.kill(process.pid, "SIGKILL");
if (moment !== "before-commit") {
  // A flush, once started, kills the process before it completes: its caller is never answered by it.
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
}, moment === "committed-answered" ? { durability: "committed" } : undefined);
process.stdout.write(`answered ${taken}\n`, moment === "committed-answered" ? die : undefined);
