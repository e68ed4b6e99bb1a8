import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanQueries } from "../src/http/lean-trpc.js";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

/**
 * Queries are answered through tRPC's procedure call without its fetch adapter
 * (http/lean-trpc.ts). A query string the lean path does not read — `input` given twice, of which
 * tRPC reads the first — is left to tRPC's adapter, so each case is sent both ways and must give
 * the same status, headers and bytes.
 */
describe("queries without tRPC's fetch adapter", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let slug: string;
  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}/trpc/${path}`, { headers });
  let requests = 0;
  /** `path` answered by the lean path and by tRPC's adapter. */
  const bothWays = async (path: string, headers: Record<string, string> = {}) => {
    // One request id for both: error shapes carry it.
    const ids = { "x-request-id": `both-ways-${++requests}`, ...headers };
    // `batch=0` (non-batch to tRPC) or `batch=1` given twice (tRPC reads the first): the lean path hands such a request on.
    const twice = `${path}${path.includes("?") ? "&" : "?"}batch=${/[?&]batch=1/.test(path) ? 1 : 0}`;
    const read = async (answer: Response) => ({ status: answer.status, type: answer.headers.get("content-type"), vary: answer.headers.get("vary"), body: await answer.text() });
    const lean = await read(await get(path, ids));
    const viaTrpc = await read(await get(twice, ids));
    expect(lean).toEqual(viaTrpc);
    return lean;
  };

  beforeAll(async () => {
    // The answer cache off: every read here is computed.
    app = await startApp({ dataDir: data.dir, variables: { CATALOG_CACHE_ENTRIES: "0", MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    const categoryId = (await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Lamps" }, { token: admin.token })).id;
    for (const [name, priceMinor] of [["Brass lamp", 99_900], ["Reading lamp", 1_49_900], ["Clay diya", 4_900]] as const) {
      await createProduct(app.url, admin.token, { name, categoryId, variants: [{ sku: name.toUpperCase().replace(/ /g, "-"), priceMinor, stockOnHand: 3 }] });
    }
    slug = "brass-lamp";
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("answers with exactly the bytes, status and headers tRPC gives for the same calls", async () => {
    const inputs = { 0: { json: { limit: 2, sort: "price_asc" } }, 1: { json: { slug } } };
    const batch = await bothWays(`catalog.list,catalog.bySlug,catalog.categories,system.info?batch=1&input=${enc(inputs)}`);
    expect(batch.status).toBe(200);
    const elements = JSON.parse(batch.body) as unknown[];
    expect(elements).toHaveLength(4);
    // Unbatched, the same element alone.
    expect((await bothWays(`catalog.list?input=${enc(inputs[0])}`)).body).toBe(JSON.stringify(elements[0]));
    expect((await bothWays("catalog.categories")).status).toBe(200);
    const names = (elements[0] as { result: { data: { json: { items: { name: string }[] } } } }).result.data.json.items.map((item) => item.name);
    expect(names).toEqual(["Clay diya", "Brass lamp"]);
  });

  it("answers failures as tRPC does: bad input names its field, a missing product is a 404, a batch of mixed outcomes a 207", async () => {
    const bad = await bothWays(`catalog.list?input=${enc({ json: { limit: -1 } })}`);
    expect(bad.status).toBe(400);
    const badBody = JSON.parse(bad.body) as { error: { json: { data: { code: string; fieldErrors: { path: string }[] } } } };
    expect(badBody.error.json.data.code).toBe("BAD_REQUEST");
    expect(badBody.error.json.data.fieldErrors.map((e) => e.path)).toEqual(["limit"]);

    const missing = await bothWays(`catalog.bySlug?input=${enc({ json: { slug: "no-such-lamp" } })}`);
    expect(missing.status).toBe(404);
    expect((JSON.parse(missing.body) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe("NOT_FOUND");

    expect((await bothWays(`catalog.bySlug,catalog.categories?batch=1&input=${enc({ 0: { json: { slug: "no-such-lamp" } } })}`)).status).toBe(207);
    // Signed-in reads too: a bearer that is no token, tRPC's 401.
    expect((await bothWays("cart.get", { authorization: "Bearer not-a-token" })).status).toBe(401);
  });

  it("leaves unreadable input to tRPC, which answers 400", async () => {
    for (const query of ["input=not-json", `input=${enc({ nope: true })}`, "batch=2", `batch=1&input=${enc([1])}`, "batch=1&input=null"]) {
      const answer = await get(`catalog.list?${query}`);
      expect(answer.status, query).toBe(400);
      const body = (await answer.json()) as { error?: unknown } | Array<{ error?: unknown }>;
      // A batch's answer is a list of results, one per call.
      expect((Array.isArray(body) ? body[0] : body)?.error, query).toBeDefined();
    }
  });

  it("answers queries itself and hands everything else on, unread", async () => {
    // The lean handler alone, with "handed on" as the next handler: which path answered is visible.
    const failures: string[] = [];
    const bare = express();
    bare.use("/trpc", leanQueries(app.services, { onError: ({ path, error }) => failures.push(`${path} ${error.code}`) }));
    bare.use((_req, res) => void res.status(599).end("handed on"));
    const server = bare.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/`;
    const status = async (path: string, init?: RequestInit) => (await fetch(base + path, init)).status;
    try {
      expect(await status(`catalog.list?input=${enc({ json: { limit: 1 } })}`)).toBe(200);
      expect(await status(`catalog.bySlug,catalog.categories?batch=1&input=${enc({ 0: { json: { slug } } })}`)).toBe(200);
      expect(await status(`catalog.categories,system.info?batch=1&input=${enc({})}`), failures.join()).toBe(200);
      expect(await status(`catalog.list?input=${enc({ json: { limit: 0 } })}`)).toBe(400);
      expect(await status(`catalog.bySlug?input=${enc({ json: { slug: "no-such-lamp" } })}`)).toBe(404);
      expect(failures).toEqual(["catalog.list BAD_REQUEST", "catalog.bySlug NOT_FOUND"]);
      expect(await status("catalog.list", { method: "POST", body: "{}" })).toBe(599);
      expect(await status("cart.add")).toBe(599);
      expect(await status("no.such")).toBe(599);
      expect(await status("catalog.list?input=not-json")).toBe(599);
      expect(await status(`catalog.list?input=${enc({})}&input=${enc({})}`)).toBe(599);
      expect(await status("catalog.categories", { headers: { "trpc-accept": "application/jsonl" } })).toBe(599);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("serves a caller that asks for a streamed answer through tRPC", async () => {
    const streamed = await get(`catalog.categories?batch=1&input=${enc({})}`, { "trpc-accept": "application/jsonl" });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("transfer-encoding")).toBe("chunked");
    expect(await streamed.text()).toContain("Lamps");
  });

  it("passes the caller's bearer on as tRPC would: an expired token is refused the same way on both paths", async () => {
    const shopper = await createAccount(app);
    const headers = { authorization: `Bearer ${shopper.token}x` };
    expect((await bothWays("catalog.categories", headers)).status).toBe(200);
    expect((await bothWays("cart.get", headers)).status).toBe(401);
  });
});
