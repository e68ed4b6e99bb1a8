import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc/init.js";
import { appRouter } from "../src/trpc/root.js";
import { createCallers } from "./accounts.js";
import { startApp } from "./harness.js";
import { authRows } from "./rbac/auth.rows.js";
import { catalogRows } from "./rbac/catalog.rows.js";
import { checkoutRows } from "./rbac/checkout.rows.js";
import { moneyRows } from "./rbac/money.rows.js";
import { operationsRows } from "./rbac/operations.rows.js";
import { paymentsRows } from "./rbac/payments.rows.js";
import type { CallerName, Outcome, Row, RowSet, World } from "./rbac/types.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

/** One rows file per domain; together they must name every procedure of the API. */
const rowSets: RowSet[] = [authRows, catalogRows, checkoutRows, moneyRows, paymentsRows, operationsRows];
const matrix: Record<string, Row> = Object.assign({}, ...rowSets.map((set) => set.rows)) as Record<string, Row>;

/** Shopper last: rows whose valid input belongs to the shopper may change it. */
const callerNames: CallerName[] = ["anonymous", "otherShopper", "adminWithout", "adminWith", "shopper"];

function implied(access: Access, caller: CallerName): Outcome {
  if (access === "public") return "ok";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (access === "authed") return "ok";
  return caller === "adminWith" ? "ok" : "FORBIDDEN";
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>;

describe("access control matrix over HTTP", () => {
  const tempDir = useTempDirs();
  let world: World;

  beforeAll(async () => {
    const app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    world = { app, callers: await createCallers(app), fixtures: {} };
    for (const set of rowSets) await set.prepare?.(world);
  });
  afterAll(() => world.app.close());

  it("has a row for every procedure, declaring the rule the procedure itself declares", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(matrix).sort());
    for (const [path, procedure] of Object.entries(procedures)) {
      expect({ path, access: procedure._def.meta?.access }).toEqual({ path, access: matrix[path]!.access });
    }
  });

  it.each(Object.keys(matrix))("%s answers each kind of caller as its rule says", async (path) => {
    const row = matrix[path]!;
    for (const name of callerNames) {
      const caller = name === "anonymous" ? null : world.callers[name];
      const input = row.input ? await row.input(caller, world) : undefined;
      const result = await call(world.app.url, path, input, caller ? { token: caller.token } : {});
      const expected = row.expect?.[name] ?? implied(row.access, name);
      const outcome = result.error ? result.error.data.code : "ok";
      expect({ path, caller: name, outcome, message: result.error?.message }).toMatchObject({ path, caller: name, outcome: expected });
    }
    await row.after?.(world);
  });
});
