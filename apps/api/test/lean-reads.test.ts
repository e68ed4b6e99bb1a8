import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanCatalogReads } from "../src/http/lean-reads.js";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

/**
 * Public catalog reads are answered in-process (http/lean-reads.ts) rather than through tRPC's
 * fetch adapter. These tests hold it to tRPC's own answers: a batch that mixes in a procedure the
 * lean path does not serve goes through tRPC whole, so its catalog elements are what tRPC says.
 */
describe("catalog reads without tRPC's fetch adapter", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let slug: string;
  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}/trpc/${path}`, { headers });

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
    const lean = await get(`catalog.list,catalog.bySlug,catalog.categories?batch=1&input=${enc(inputs)}`);
    // system.info is not served by the lean path: tRPC answers the whole batch.
    const viaTrpc = await get(`catalog.list,catalog.bySlug,catalog.categories,system.info?batch=1&input=${enc(inputs)}`);
    expect(lean.status).toBe(200);
    expect(viaTrpc.status).toBe(200);
    expect(lean.headers.get("content-type")).toBe(viaTrpc.headers.get("content-type"));
    expect(lean.headers.get("vary")).toBe(viaTrpc.headers.get("vary"));
    const leanBody = (await lean.json()) as unknown[];
    const trpcBody = (await viaTrpc.json()) as unknown[];
    expect(leanBody).toHaveLength(3);
    expect(JSON.stringify(leanBody)).toBe(JSON.stringify(trpcBody.slice(0, 3)));
    // Unbatched, the same element alone.
    const single = await get(`catalog.list?input=${enc(inputs[0])}`);
    expect(await single.text()).toBe(JSON.stringify(trpcBody[0]));
    const names = (leanBody[0] as { result: { data: { json: { items: { name: string }[] } } } }).result.data.json.items.map((item) => item.name);
    expect(names).toEqual(["Clay diya", "Brass lamp"]);
  });

  it("leaves every failure to tRPC: bad input names its field, a missing product is a 404, unreadable input a 400", async () => {
    const bad = await get(`catalog.list?input=${enc({ json: { limit: -1 } })}`);
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { json: { data: { code: string; fieldErrors: { path: string }[] } } } };
    expect(badBody.error.json.data.code).toBe("BAD_REQUEST");
    expect(badBody.error.json.data.fieldErrors.map((e) => e.path)).toEqual(["limit"]);

    const missing = await get(`catalog.bySlug?input=${enc({ json: { slug: "no-such-lamp" } })}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe("NOT_FOUND");

    for (const query of ["input=not-json", `input=${enc({ nope: true })}`, "batch=2", `batch=1&input=${enc([1])}`]) {
      const answer = await get(`catalog.list?${query}`);
      expect(answer.status, query).toBe(400);
      const body = (await answer.json()) as { error?: unknown } | Array<{ error?: unknown }>;
      // A batch's answer is a list of results, one per call.
      expect((Array.isArray(body) ? body[0] : body)?.error, query).toBeDefined();
    }
  });

  it("answers the catalog reads itself and hands everything else on", async () => {
    // The lean handler alone, with "handed on" as the next handler: which path answered is visible.
    const bare = express();
    bare.use("/trpc", leanCatalogReads(app.services));
    bare.use((_req, res) => void res.status(599).end("handed on"));
    const server = bare.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/`;
    const status = async (path: string, init?: RequestInit) => (await fetch(base + path, init)).status;
    try {
      expect(await status(`catalog.list?input=${enc({ json: { limit: 1 } })}`)).toBe(200);
      expect(await status(`catalog.bySlug,catalog.categories?batch=1&input=${enc({ 0: { json: { slug } } })}`)).toBe(200);
      expect(await status(`catalog.list?input=${enc({ json: { limit: 0 } })}`)).toBe(599);
      expect(await status(`catalog.bySlug?input=${enc({ json: { slug: "no-such-lamp" } })}`)).toBe(599);
      expect(await status(`catalog.list,system.info?batch=1&input=${enc({})}`)).toBe(599);
      expect(await status("catalog.list", { method: "POST", body: "{}" })).toBe(599);
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
    const lean = await get(`catalog.categories`, headers);
    const viaTrpc = await get(`catalog.categories,system.info?batch=1&input=${enc({})}`, headers);
    expect(lean.status).toBe(viaTrpc.status);
  });
});
