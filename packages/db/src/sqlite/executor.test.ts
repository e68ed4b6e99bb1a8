import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Connection } from "./connection.js";
import { TransactionExecutor } from "./executor.js";

/** A connection inside an open transaction, as a unit of work has it, and every statement SQLite was asked to run. */
function inTransaction() {
  const ran: string[] = [];
  const db = new Database(":memory:", { verbose: (sql) => ran.push(String(sql)) });
  db.exec("CREATE TABLE t (id TEXT PRIMARY KEY)");
  db.exec("BEGIN IMMEDIATE");
  const connection = new Connection(db);
  const insert = (id: string) => (c: Connection) => c.prepare("INSERT INTO t (id) VALUES (?)").run(id);
  const rows = () => (db.prepare("SELECT id FROM t ORDER BY id").all() as Array<{ id: string }>).map((row) => row.id);
  const savepoints = () => ran.filter((sql) => sql.startsWith("SAVEPOINT")).length;
  return { db, executor: new TransactionExecutor(connection), insert, rows, savepoints };
}

describe("writes inside a unit of work", () => {
  it("run a method of several statements in a savepoint: a failure undoes the whole method, and the unit goes on", async () => {
    const { executor, insert, rows, savepoints } = inTransaction();
    await executor.write(insert("a"));
    const failed = executor.write((c) => {
      insert("b")(c);
      insert("a")(c);
    });
    await expect(failed).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(rows()).toEqual(["a"]);
    expect(savepoints()).toBe(2);
  });

  it("run a one-statement method without a savepoint: its failure leaves nothing of itself and the unit's earlier writes whole", async () => {
    const { executor, insert, rows, savepoints } = inTransaction();
    await executor.writeStatement(insert("a"));
    await executor.writeStatement((c) => c.prepare("SELECT count(*) FROM t").get() && insert("b")(c));
    // One statement of two rows failing on its second: SQLite backs the first out itself.
    const failed = executor.writeStatement((c) => c.prepare("INSERT INTO t (id) VALUES ('c'), ('a')").run());
    await expect(failed).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(rows()).toEqual(["a", "b"]);
    expect(savepoints()).toBe(0);
  });

  it("refuse a one-statement method that ran two writing statements, which would have needed the savepoint", async () => {
    const { executor, insert } = inTransaction();
    const twice = executor.writeStatement((c) => {
      insert("x")(c);
      insert("y")(c);
    });
    await expect(twice).rejects.toThrow(/ran 2 writing statements/);
    const failedSecond = executor.writeStatement((c) => {
      insert("z")(c);
      insert("z")(c);
    });
    await expect(failedSecond).rejects.toThrow(/ran 2 writing statements/);
  });
});
