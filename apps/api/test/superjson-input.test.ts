import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

/** What no answer may ever show a client: internal JavaScript errors and stack frames. */
const internals = /Maximum call stack|Cannot (read|destructure|convert)|is not a function|TypeError|RangeError|\bat .+\(.+:\d+:\d+\)/;

describe("superjson input from a hostile client", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000", CATALOG_CACHE_ENTRIES: "0" } });
  });
  afterAll(() => app.close());

  const list = (payload: unknown) => fetch(`${app.url}/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify(payload))}`);

  it("refuses unknown type names in meta with a plain 400 (superjson overflowed its stack on them)", async () => {
    const response = await list({ json: { search: "x" }, meta: { values: { search: ["custom", "nope"] } } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("unsupported type");
    expect(text).not.toMatch(internals);
  });

  it("refuses meta nested past the limit, and a null body, with a plain 400", async () => {
    // Written by hand: JSON.stringify itself would overflow on a value this deep.
    const deep = `${'{"a":'.repeat(1_000)}["Date"]${"}".repeat(1_000)}`;
    const nested = await fetch(`${app.url}/trpc/catalog.list?input=${encodeURIComponent(`{"json":{},"meta":{"values":${deep}}}`)}`);
    expect(nested.status).toBe(400);
    expect(await nested.text()).not.toMatch(internals);

    const empty = await fetch(`${app.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json" }, body: "null" });
    expect(empty.status).toBe(400);
    const text = await empty.text();
    expect(text).toContain("not valid superjson");
    expect(text).not.toMatch(internals);
  });

  it("still reads the Dates and undefineds the web app sends", async () => {
    const response = await list({ json: { search: "x", categoryId: null }, meta: { values: { categoryId: ["undefined"] } } });
    expect(response.status).toBe(200);
  });

  it("answers any meta tree without a 5xx, without internal error text, in bounded time", async () => {
    const typeName = fc.oneof(
      fc.constantFrom("undefined", "Date", "custom", "class", "symbol", "map", "set", "bigint", "regexp", "number", "Error", "URL", "typed-array"),
      fc.string({ maxLength: 8 }),
      fc.tuple(fc.constantFrom("custom", "class", "symbol", "typed-array"), fc.string({ maxLength: 8 })),
    );
    const { tree } = fc.letrec<{ tree: unknown; children: Record<string, unknown> }>((tie) => ({
      tree: fc.oneof(
        { depthSize: "small" },
        fc.tuple(typeName),
        fc.tuple(typeName, tie("children")),
        tie("children"),
        fc.anything({ maxDepth: 2 }),
      ),
      children: fc.dictionary(fc.constantFrom("search", "categoryId", "0", "a.b", "__proto__", "cursor", "limit"), tie("tree"), { maxKeys: 4 }),
    }));
    const meta = fc.record(
      { values: tree, referentialEqualities: fc.anything({ maxDepth: 2 }), v: fc.anything({ maxDepth: 0 }) },
      { requiredKeys: [] },
    );
    const json = fc.oneof(fc.constant({ search: "x" }), fc.anything({ maxDepth: 2 }));
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(json, meta, async (body, metaValue) => {
        const started = performance.now();
        const response = await list({ json: body, meta: metaValue });
        slowest = Math.max(slowest, performance.now() - started);
        expect(response.status).toBeLessThan(500);
        expect(await response.text()).not.toMatch(internals);
      }),
      { numRuns: 300 },
    );
    // Generous for a loaded CI machine; the overflow this pins took tens of milliseconds per request.
    expect(slowest).toBeLessThan(250);
  });
});
