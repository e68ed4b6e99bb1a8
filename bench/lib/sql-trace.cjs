/**
 * Preloaded (`node --require`) into the one API process the bench uses to learn what one
 * checkout writes. Appends one JSON line per statement run on any connection to the file named
 * by BENCH_SQL_TRACE: `{ sql, method, args, changes }` for prepared statements and `{ exec }` for `db.exec`
 * (BEGIN IMMEDIATE / COMMIT / ROLLBACK). Never loaded into a measured server.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

const file = process.env.BENCH_SQL_TRACE;
if (file) {
  const requireFromDb = createRequire(path.join(process.cwd(), "packages/db/package.json"));
  const Database = requireFromDb("better-sqlite3");
  const probe = new Database(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("select 1"));
  probe.close();
  const write = (entry) => fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
  const plain = (value) => (Buffer.isBuffer(value) ? { $buffer: value.toString("base64") } : typeof value === "bigint" ? { $bigint: String(value) } : value);
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = Statement[method];
    Statement[method] = function traced(...args) {
      const result = original.apply(this, args);
      const entry = { sql: this.source, method, args: args.map((a) => (a && typeof a === "object" && !Buffer.isBuffer(a) ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, plain(v)])) : plain(a))) };
      if (method === "run") entry.changes = result.changes;
      write(entry);
      return result;
    };
  }
  const exec = Database.prototype.exec;
  Database.prototype.exec = function tracedExec(sql) {
    write({ exec: sql });
    return exec.call(this, sql);
  };
}
