/**
 * A child process of the SQLite multi-process contract cases: opens the shared database
 * file, says "ready", waits for "go" on stdin so every worker starts together, runs its task
 * and prints how many of its attempts applied.
 * Usage: node --import tsx contract-worker.ts <dataDir> <task JSON>
 */
import { runProcessTask, type ProcessTask } from "../contract/index.js";
import { openSqlite } from "./open.js";

const [dataDir, taskJson] = process.argv.slice(2);
if (!dataDir || !taskJson) throw new Error("usage: contract-worker.ts <dataDir> <task JSON>");
const db = openSqlite({ dataDir });
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const successes = await runProcessTask(db, JSON.parse(taskJson) as ProcessTask);
await db.close();
process.stdout.write(`${successes}\n`);
