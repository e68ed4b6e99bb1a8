import { ADMIN_PERMISSIONS } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, creditWallet } from "./checkout-fixtures.js";
import { casesFor, type Case, type Document } from "./conformance/cases.js";
import { startApp, type RunningApp } from "./harness.js";
import { responseChecker } from "./rest-client/validate.js";
import { everyOrderIssued } from "./tax-documents.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";
import { call } from "./trpc-http.js";

/**
 * Rules the server applies that JSON Schema cannot state (one field against another), described in
 * the operation's prose instead: a request the document allows may still be refused for these.
 */
const crossFieldRules: Record<string, string[]> = {
  "GET /admin/orders": ["placedTo"],
  "PATCH /admin/coupons/{code}": ["expiresAt"],
};

/** Values only the server issues (a page's `nextCursor`): a made-up one is refused, whatever the operation. */
const issuedByServer = ["cursor"];

type Identity = { name: "anonymous" | "shopper" | "admin"; token?: string };

describe("REST conformance: every operation of the served document, fuzzed against it", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let document: Document & { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { required?: boolean }> }> }>> };
  let identities: Identity[];
  let fixtures: Record<string, string>;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000" }, taxDocuments: everyOrderIssued() });
    const shopper: TestAccount = await createAccount(app);
    const admin = await createAccount(app, { role: "admin", permissions: ADMIN_PERMISSIONS });
    const product = await addProduct(app, { stock: 10_000, priceMinor: 25_000 });
    await creditWallet(app, shopper.user.id, 100_000_000);
    const saved = await call(app.url, "auth.addAddress", address, { token: shopper.token });
    const addressId = (saved.data as { addresses: { id: string }[] }).addresses[0]!.id;
    await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper.token });
    const placed = await call(app.url, "order.place", { addressId, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: "conformance-fixture" }, { token: shopper.token });
    const orderId = (placed.data as { orderId: string }).orderId;
    fixtures = { orderId, number: "CN/25-26/000004", variantId: product.variantId, slug: product.slug, userId: shopper.user.id, addressId, deliveryOptionId: "standard", categoryId: product.categoryId };
    identities = [{ name: "anonymous" }, { name: "shopper", token: shopper.token }, { name: "admin", token: admin.token }];
    document = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as typeof document;
  });
  afterAll(() => app.close());

  it(`answers every generated request as the document says (seed ${testEnv.conformanceSeed}, ${testEnv.conformanceCases} cases per operation and caller)`, async () => {
    const checkBody = responseChecker(document);
    /** A failure's kind (operation and what went wrong), and one request that shows it. */
    type Failure = { kind: string; example: string };
    const failures: Failure[] = [];
    let sent = 0;
    const statuses = new Map<string, Set<number>>();

    async function send(identity: Identity, request: Case, extraHeaders: Record<string, string> = {}) {
      const headers: Record<string, string> = { ...request.headers, ...extraHeaders };
      if (identity.token) headers.authorization = `Bearer ${identity.token}`;
      if (request.body !== undefined) headers["content-type"] = "application/json";
      sent += 1;
      const response = await fetch(`${app.url}/api/v1${request.url}`, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : request.method === "GET" ? {} : { body: "" }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    }

    /** Everything wrong with one answer, in words that say how to repeat the request. */
    function judge(identity: Identity, request: Case, answer: { status: number; headers: Headers; text: string }): Failure[] {
      const problems: string[] = [];
      const declared = document.paths[request.template]![request.method.toLowerCase()]!.responses;
      const response = declared[String(answer.status)];
      statuses.set(request.operation, (statuses.get(request.operation) ?? new Set()).add(answer.status));
      if (answer.status >= 500) problems.push(`answered ${answer.status}`);
      if (!response) problems.push(`answered ${answer.status}, which the document does not declare`);
      if (!request.valid && answer.status < 300) problems.push(`accepted an invalid input (${request.broken}) with ${answer.status}`);
      let body: unknown;
      const declaredFile = Object.keys((response as { content?: Record<string, unknown> } | undefined)?.content ?? {}).includes("application/pdf");
      if (answer.headers.get("content-type") === "application/pdf") {
        // A file answer: declared as one, and a PDF indeed. Its bytes are the PDF suites' concern.
        if (!declaredFile) problems.push(`answered ${answer.status} with a PDF the document does not declare`);
        if (!answer.text.startsWith("%PDF-")) problems.push("answered application/pdf that is not a PDF");
      } else {
        try {
          body = answer.text ? (JSON.parse(answer.text) as unknown) : undefined;
        } catch {
          problems.push(`answered a body that is not JSON: ${answer.text.slice(0, 200)}`);
        }
      }
      if (response && body !== undefined) {
        const contentType = (answer.headers.get("content-type") ?? "").split(";")[0]!;
        try {
          checkBody(request.template, request.method, answer.status, body, contentType);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      for (const [name, header] of Object.entries(response?.headers ?? {})) {
        if (header.required && !answer.headers.has(name)) problems.push(`answered ${answer.status} without its declared ${name} header`);
      }
      if (response?.headers?.Link && typeof (body as { nextCursor?: unknown } | undefined)?.nextCursor === "string" && !answer.headers.has("link")) {
        problems.push("has a next page but no Link header");
      }
      // A request the document allows is refused only for what it cannot state: the store's state, or a cross-field rule.
      const problem = body as { type?: string; errors?: { path: string }[] } | undefined;
      if (request.valid && [400, 415].includes(answer.status)) problems.push(`refused a valid request as unreadable (${answer.status})`);
      if (request.valid && answer.status === 422 && problem?.type === "urn:bbscart:problem:unprocessable-content") {
        const allowed = [...(crossFieldRules[request.operation] ?? []), ...issuedByServer];
        if (!(problem.errors ?? []).every((e) => allowed.includes(e.path))) problems.push(`refused a request the document allows: ${answer.text.slice(0, 300)}`);
      }
      return problems.map((p) => ({
        kind: `${request.operation}: ${p.replace(/:.*$/s, "").replace(/\(.*\)/s, "").trim()}`,
        example: `${request.operation} as ${identity.name}: ${p}\n    ${request.method} ${request.url} ${JSON.stringify(request.headers)} ${JSON.stringify(request.body) ?? ""}`.slice(0, 800),
      }));
    }

    const cases = casesFor(document, { seed: testEnv.conformanceSeed, perOperation: testEnv.conformanceCases, fixtures });
    const operations = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(new Set(cases.map((c) => c.operation))).toEqual(operations);

    // Shuffled (seeded), so writes interleave: a cart is filled before some checkouts and emptied before others.
    const work = identities.flatMap((identity) => cases.map((request) => ({ identity, request })));
    let state = testEnv.conformanceSeed;
    for (let index = work.length - 1; index > 0; index--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const other = state % (index + 1);
      [work[index], work[other]] = [work[other]!, work[index]!];
    }
    // A few requests at a time: enough to finish quickly, few enough for a shared 2-core machine.
    const queue = [...work];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const { identity, request } = item;
          const answer = await send(identity, request);
          failures.push(...judge(identity, request, answer));
          const etag = answer.headers.get("etag");
          if (answer.status === 200 && etag) {
            const again = await send(identity, request, { "if-none-match": etag });
            if (again.status !== 304) failures.push({ kind: `${request.operation}: no 304 to its own ETag`, example: `${request.method} ${request.url} answered ${again.status}` });
            else failures.push(...judge(identity, request, again));
          }
        }
      }),
    );

    console.info(`conformance: ${sent} requests over ${operations.size} operations; statuses seen: ${[...statuses].map(([op, s]) => `${op} ${[...s].sort().join("/")}`).join(", ")}`);
    // One example per kind of failure, with how often it happened: readable however many there are.
    const kinds = new Map<string, { count: number; example: string }>();
    for (const failure of failures) {
      const kind = kinds.get(failure.kind);
      if (kind) kind.count += 1;
      else kinds.set(failure.kind, { count: 1, example: failure.example });
    }
    const report = [...kinds].map(([kind, { count, example }]) => `${count}× ${kind}\n  e.g. ${example}`).join("\n");
    expect(report, `${failures.length} failures of ${kinds.size} kinds (seed ${testEnv.conformanceSeed}; CONFORMANCE_SEED repeats a run)`).toBe("");
    expect(sent).toBeGreaterThan(operations.size * identities.length);
  });
});
