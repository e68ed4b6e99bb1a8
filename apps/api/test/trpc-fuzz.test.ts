import { ADMIN_PERMISSIONS } from "@bbscart/core";
import fc from "fast-check";
import { createGeneratorSync } from "json-schema-faker";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../src/trpc/root.js";
import { createAccount } from "./accounts.js";
import { addProduct, creditWallet } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

/** What no answer may ever show a client: internal JavaScript errors and stack frames. */
const internals = /Maximum call stack|Cannot (read|destructure|convert)|is not a function|TypeError|RangeError|\bat .+\(.+:\d+:\d+\)/;

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };

/** Every procedure of the router, by its dotted path, with the JSON Schema of its input (none for none). */
function procedures(): { path: string; type: "query" | "mutation"; schema: Record<string, unknown> | null }[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
    .filter(([, procedure]) => procedure._def.type !== "subscription")
    .map(([path, procedure]) => {
      const input = procedure._def.inputs[0];
      const schema = input ? (z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as Record<string, unknown>) : null;
      return { path, type: procedure._def.type as "query" | "mutation", schema };
    });
}

/** Replaces the values of fields named like a fixture (orderId, variantId…) with the real ids, most of the time. */
function withFixtures(value: unknown, fixtures: Record<string, string>, coin: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => withFixtures(item, fixtures, coin));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, fixtures[key] !== undefined && typeof item === "string" && coin() < 0.8 ? fixtures[key] : withFixtures(item, fixtures, coin)]),
  );
}

describe("tRPC input fuzzing: every procedure, every caller, superjson envelopes included", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let tokens: (string | undefined)[];
  let fixtures: Record<string, string>;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000" } });
    const shopper = await createAccount(app);
    const admin = await createAccount(app, { role: "admin", permissions: ADMIN_PERMISSIONS });
    const product = await addProduct(app, { stock: 10_000, priceMinor: 25_000 });
    await creditWallet(app, shopper.user.id, 100_000_000);
    fixtures = { variantId: product.variantId, productId: product.id, slug: product.slug, userId: shopper.user.id, deliveryOptionId: "standard" };
    tokens = [undefined, shopper.token, admin.token];
  });
  afterAll(() => app.close());

  it(`answers generated, broken and hostile inputs to every procedure without a 5xx (seed ${testEnv.conformanceSeed})`, async () => {
    const generator = createGeneratorSync({ seed: testEnv.conformanceSeed, optionalsProbability: 0.5, maxDefaultItems: 3 });
    const junk = fc.sample(fc.anything({ maxDepth: 3 }), { seed: testEnv.conformanceSeed, numRuns: 10_000 });
    // superjson's own envelope, as a hostile client may shape it: type annotations on fields that do not hold that type.
    const metas = fc.sample(
      fc.record(
        { values: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.tuple(fc.constantFrom("Date", "undefined", "bigint", "set", "map", "regexp", "number")), fc.anything({ maxDepth: 1 }))) },
        { requiredKeys: [] },
      ),
      { seed: testEnv.conformanceSeed, numRuns: 10_000 },
    );
    let draws = 0;
    const coin = () => ((draws = (draws * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

    const failures: string[] = [];
    let sent = 0;
    let answered = 0;
    let slowest = { ms: 0, what: "" };
    const work: { path: string; type: "query" | "mutation"; token: string | undefined; envelope: unknown }[] = [];
    for (const procedure of procedures()) {
      for (const token of tokens) {
        for (let index = 0; index < testEnv.trpcFuzzCases; index++) {
          let envelope: unknown;
          if (index % 3 === 0 && procedure.schema) envelope = superjson.serialize(withFixtures(generator.generate(procedure.schema), fixtures, coin));
          else if (index % 3 === 1) envelope = { json: junk[(index * 7 + sent) % junk.length], meta: metas[(index * 13) % metas.length] };
          else envelope = { json: procedure.schema ? generator.generate(procedure.schema) : junk[index % junk.length], ...(index % 2 ? { meta: metas[index % metas.length] } : {}) };
          work.push({ path: procedure.path, type: procedure.type, token, envelope });
        }
      }
    }

    const queue = [...work];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const headers: Record<string, string> = item.token ? { authorization: `Bearer ${item.token}` } : {};
          const body = JSON.stringify(item.envelope);
          const started = performance.now();
          sent += 1;
          const response =
            item.type === "query"
              ? await fetch(`${app.url}/trpc/${item.path}?input=${encodeURIComponent(body)}`, { headers })
              : await fetch(`${app.url}/trpc/${item.path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
          const text = await response.text();
          const ms = performance.now() - started;
          if (ms > slowest.ms) slowest = { ms, what: item.path };
          if (response.ok) answered += 1;
          if (response.status >= 500 || internals.test(text)) failures.push(`${item.path} (${item.token ? "signed in" : "anonymous"}) → ${response.status} ${text.slice(0, 300)}\n    input: ${body.slice(0, 500)}`);
        }
      }),
    );
    console.info(`tRPC fuzz: ${sent} calls over ${procedures().length} procedures, ${answered} answered 2xx; slowest ${Math.round(slowest.ms)} ms (${slowest.what})`);
    // Generated inputs get past validation to the services, not only refusals.
    expect(answered).toBeGreaterThan(work.length / 20);
    expect([...new Set(failures)].slice(0, 20).join("\n"), `${failures.length} failures (seed ${testEnv.conformanceSeed})`).toBe("");
  });
});
