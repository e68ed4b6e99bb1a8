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
import { restRows } from "./rbac/rest.rows.js";
import type { CallerName, Outcome, Row, RowSet, World } from "./rbac/types.js";
import { rest } from "./rest-client/http.js";
import { everyOrderIssued } from "./tax-documents.js";
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

/** A running app with the five callers and every rows file's records: one per surface, so each starts fresh. */
async function prepareWorld(dataDir: string): Promise<World> {
  const app = await startApp({ dataDir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" }, taxDocuments: everyOrderIssued() });
  const world: World = { app, callers: await createCallers(app), fixtures: {} };
  for (const set of rowSets) await set.prepare?.(world);
  return world;
}

describe("access control matrix over HTTP", () => {
  const tempDir = useTempDirs();
  let world: World;

  beforeAll(async () => {
    world = await prepareWorld(tempDir());
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

/** /api/v1's statuses, read as the outcomes the rows speak in (a refused input is 422 there, 400 over tRPC). */
const restOutcomes: Record<number, Outcome> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  412: "PRECONDITION_FAILED",
  422: "BAD_REQUEST",
};

/** A procedure input as the REST request that carries it: path parameters, then the query (reads) or a JSON body (writes). */
function restRequest(operation: string, input: unknown) {
  const [method, template] = operation.split(" ") as [string, string];
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(rest[name]);
    delete rest[name];
    return encodeURIComponent(value);
  });
  const headers: Record<string, string> = {};
  if (typeof rest.idempotencyKey === "string" && ["POST /orders", "POST /guest/orders", "POST /admin/orders/{orderId}/refunds"].includes(operation)) {
    headers["Idempotency-Key"] = rest.idempotencyKey;
    delete rest.idempotencyKey;
  }
  if (method === "GET" || method === "DELETE") {
    // Read inputs hold only text, numbers and booleans: exactly what a query string can carry.
    const fields = Object.entries(rest).filter(([, value]) => value !== null && value !== undefined) as [string, string | number | boolean][];
    const query = new URLSearchParams(fields.map(([key, value]): [string, string] => [key, String(value)])).toString();
    return { method, path: query ? `${path}?${query}` : path, headers, body: undefined };
  }
  return { method, path, headers, body: rest };
}

describe("access control matrix over REST (/api/v1)", () => {
  const tempDir = useTempDirs();
  let world: World;

  beforeAll(async () => {
    world = await prepareWorld(tempDir());
  });
  afterAll(() => world.app.close());

  it("has a row for every operation in the OpenAPI document, naming the procedure the operation calls", async () => {
    const document = (await rest(world.app.url, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, procedure: operation.operationId.replace(/-/g, ".") })),
    );
    expect(operations.map((o) => o.key).sort()).toEqual(Object.keys(restRows).sort());
    for (const { key, procedure } of operations) expect({ key, procedure }).toEqual({ key, procedure: restRows[key]!.procedure });
  });

  it.each(Object.keys(restRows))("%s answers each kind of caller as its procedure's rule says", async (operation) => {
    const restRow = restRows[operation]!;
    const row = matrix[restRow.procedure]!;
    for (const name of callerNames) {
      const caller = name === "anonymous" ? null : world.callers[name];
      const request = restRequest(operation, row.input ? await row.input(caller, world) : undefined);
      const result = await rest(world.app.url, request.method, request.path, { headers: request.headers, body: request.body, ...(caller ? { token: caller.token } : {}) });
      const expected = restRow.expect?.[name] ?? row.expect?.[name] ?? implied(row.access, name);
      const outcome = result.status < 300 ? "ok" : (restOutcomes[result.status] ?? `HTTP ${result.status}`);
      const detail = (result.body as { detail?: string } | undefined)?.detail;
      expect({ operation, caller: name, outcome, detail }).toMatchObject({ operation, caller: name, outcome: expected });
    }
    await row.after?.(world);
  });
});
