import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@bbscart/core";
import { describeContract, type MultiProcessRunner, type ProcessTask } from "../contract/index.js";
import { openSqlite } from "./open.js";

/** Files of the databases this lane opened, so the multi-process runner can point workers at them. */
const files = new WeakMap<DatabaseHandle, string>();
const worker = fileURLToPath(new URL("./contract-worker.ts", import.meta.url));

/** One child process on the shared file: it opens the database, prints "ready", waits for "go", then prints its count. */
function startWorker(dataDir: string, task: ProcessTask) {
  const child = spawn(process.execPath, ["--import", "tsx", worker, dataDir, JSON.stringify(task)], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  let onOutput = () => {};
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    onOutput();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    onOutput = () => {
      if (output.startsWith("ready\n")) resolve();
    };
    void exited.then((code) => reject(new Error(`contract worker exited before it was ready (code ${code})`)));
  });
  const successes = exited.then((code) => {
    if (code !== 0) throw new Error(`contract worker failed (code ${code})`);
    return Number(output.slice("ready\n".length).trim());
  });
  return { child, ready, successes };
}

/** Starts the workers, lets them all go at once (so their writes overlap), and collects their counts. */
const multiProcess: MultiProcessRunner = async (db: DatabaseHandle, task: ProcessTask, processes: number) => {
  const file = files.get(db);
  if (!file) throw new Error("multiProcess: not a database of this lane");
  const workers = Array.from({ length: processes }, () => startWorker(path.dirname(file), task));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin.end("go\n");
  return Promise.all(workers.map((w) => w.successes));
};

describeContract("SQLite", {
  open: () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-contract-"));
    const sqlite = openSqlite({ dataDir });
    const db: DatabaseHandle = {
      ...sqlite,
      close: async () => {
        await sqlite.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    files.set(db, sqlite.file);
    return Promise.resolve(db);
  },
  capabilities: { transactionIsolation: true, aggregationExpressions: true, exprArithmetic: true, arrayPull: true, multiProcess },
});
