import { readFile } from "node:fs/promises";
import { validate as validateOpenApi } from "@hyperjump/json-schema/openapi-3-1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./harness.js";
import { clientTypes, liveDocument, schemaFile } from "./rest-client/generate.js";
import { useTempDirs } from "./temp-dir.js";

/** The 3.1 schema with the OAS dialect, so every schema object in the document is checked as well; bundled, so offline. */
const schemaBase = "https://spec.openapis.org/oas/3.1/schema-base";

type Document = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };
type ProblemSchema = { allOf: [{ $ref: string }, { properties: { type: { enum: string[] } } }] };
type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>> } }> };
  parameters?: { in: string; name: string; schema: { anyOf?: Record<string, unknown>[] } }[];
  responses: Record<string, { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: ProblemSchema }> }>;
};

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let document: Document;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir() });
    const response = await fetch(`${app.url}/api/v1/openapi.json`);
    expect(response.headers.get("content-type")).toContain("application/json");
    document = (await response.json()) as Document;
  });
  afterAll(() => app.close());

  it("is a valid OpenAPI 3.1 document, its schemas included (checked offline against the published JSON Schemas)", async () => {
    const output = await validateOpenApi(schemaBase, document as never, "BASIC");
    expect(output.valid, JSON.stringify(output).slice(0, 2000)).toBe(true);

    // The validator does refuse a broken document: a schema object that is not one.
    const broken = structuredClone(document) as unknown as { components: { schemas: Record<string, unknown> } };
    broken.components.schemas.Money = { type: 42 };
    expect((await validateOpenApi(schemaBase, broken as never)).valid).toBe(false);
  });

  it("says who may call what, and documents every failure as problem+json", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(Object.keys(document.components.securitySchemes)).toEqual(["bearer"]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${route}`;
        expect(operation.summary, name).toEqual(expect.any(String));
        expect(operation.tags, name).toHaveLength(1);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const schema = response.content?.["application/problem+json"]?.schema;
          expect(schema?.allOf[0].$ref, `${name} ${status}`).toBe("#/components/schemas/Problem");
          expect(schema?.allOf[1].properties.type.enum.length, `${name} ${status}`).toBeGreaterThan(0);
        }
        // Every operation can meet an outage; every write can meet a body it cannot read.
        expect(Object.keys(operation.responses), name).toContain("503");
        if (method !== "get") expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(["400", "413", "415", "429"]));
        if (operation.security) expect(operation.responses["401"], name).toBeDefined();
        if (method !== "get") expect(operation.responses["422"] ?? operation.responses["429"], name).toBeDefined();
      }
    }
    expect(document.paths["/products"]!.get!.security).toBeUndefined();
    expect(document.paths["/auth/me"]!.get!.responses["401"]!.headers!["WWW-Authenticate"]!.required).toBe(true);
    expect(document.paths["/orders"]!.post!.responses["201"]).toBeDefined();
    expect(document.paths["/orders"]!.post!.responses["409"]).toBeDefined();
  });

  it("declares every refusal an operation can answer with, with its problem types, from the refusal table", () => {
    const types = (route: string, method: string, status: string) =>
      document.paths[route]![method]!.responses[status]?.content?.["application/problem+json"]?.schema.allOf[1].properties.type.enum ?? [];
    const problem = (name: string) => `urn:bbscart:problem:${name}`;
    expect(types("/orders", "post", "412")).toEqual(
      expect.arrayContaining(["empty-cart", "out-of-stock", "price-changed", "insufficient-funds", "variant-unavailable"].map(problem)),
    );
    expect(types("/orders", "post", "409")).toEqual(expect.arrayContaining(["conflict", "out-of-stock", "idempotency-key-reused", "coupon-unavailable"].map(problem)));
    expect(types("/orders", "post", "422")).toEqual(expect.arrayContaining(["unprocessable-content", "cod-unavailable"].map(problem)));
    expect(types("/orders/{orderId}/payment", "post", "412")).toEqual([problem("not-a-card-order")]);
    expect(types("/orders/{orderId}/payment", "post", "409")).toContain(problem("not-awaiting-payment"));
    expect(types("/orders/{orderId}/cancel", "post", "412")).toEqual(expect.arrayContaining(["payment-not-captured", "return-window-closed"].map(problem)));
    expect(types("/cart/coupon", "put", "422")).toEqual(expect.arrayContaining(["expired", "not-found", "minimum-not-met", "usage-limit-reached"].map(problem)));
    expect(types("/cart/items", "post", "404")).toEqual([problem("not-found")]);
    expect(types("/admin/wallets/{userId}/adjustments", "post", "403")).toEqual(expect.arrayContaining(["forbidden", "totp-required", "totp-invalid"].map(problem)));
    // A read takes no body and writes nothing: no 400, 409, 413, 415 or 429 of its own.
    expect(Object.keys(document.paths["/products"]!.get!.responses)).toEqual(["200", "304", "422", "503"]);
  });

  it("states the input rules the server applies: email format, one address, date-times, lengths in characters", () => {
    const body = (route: string) => document.paths[route]!.post!.requestBody!.content["application/json"]!.schema;
    expect(body("/auth/register").properties.email).toMatchObject({ type: "string", format: "email", maxLength: 254 });
    expect(body("/auth/login").properties.email).toMatchObject({ format: "email" });
    expect(body("/orders").oneOf).toEqual([{ required: ["addressId"] }, { required: ["address"] }]);
    expect(body("/auth/register").properties.name).toMatchObject({ minLength: 1, maxLength: 100 });
    const placed = document.paths["/admin/orders"]!.get!.parameters!.filter((p) => p.name === "placedFrom" || p.name === "placedTo");
    expect(placed.map((p) => p.schema.anyOf?.[0])).toEqual([
      { type: "string", format: "date-time", title: "Placed from" },
      { type: "string", format: "date-time", title: "Placed until" },
    ]);
  });

  it("gives each input field the label people see as its title (ADR 143)", () => {
    const body = (route: string) => document.paths[route]!.post!.requestBody!.content["application/json"]!.schema;
    expect(body("/auth/register").properties.name).toMatchObject({ title: "Full name" });
    expect(body("/auth/me/addresses").properties.postalCode).toMatchObject({ title: "PIN code", pattern: "^[1-9][0-9]{5}$" });
    expect(body("/auth/me/addresses").properties.line1).toMatchObject({ title: "Address line 1" });
  });

  it("shows each REST behaviour on exactly the operations whose rest({...}) meta declares it", () => {
    type Traced = Operation & { parameters?: { in: string; name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> };
    const where = (trait: (operation: Traced) => boolean) =>
      Object.entries(document.paths).flatMap(([route, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => trait(operation as Traced))
          .map(([method]) => `${method.toUpperCase()} ${route}`),
      );
    expect(where((o) => o.responses["201"]?.headers?.Location !== undefined)).toEqual(["POST /orders", "POST /guest/orders"]);
    expect(where((o) => (o.parameters ?? []).some((p) => p.in === "header" && p.name === "Idempotency-Key"))).toEqual([
      "POST /orders",
      "POST /guest/orders",
      "POST /admin/orders/{orderId}/refunds",
    ]);
    expect(where((o) => o.responses["304"] !== undefined && o.responses["200"]?.headers?.ETag !== undefined)).toEqual([
      "GET /products",
      "GET /products/{slug}",
      "GET /categories",
    ]);
    expect(where((o) => o.responses["200"]?.headers?.Link !== undefined).sort()).toEqual(["GET /admin/coupons", "GET /admin/orders", "GET /orders", "GET /products", "GET /wallet/statement"]);
    expect(where((o) => !o.security && o.responses["401"] !== undefined).sort()).toEqual(["POST /auth/login", "POST /auth/login/complete", "POST /auth/refresh"]);
  });

  it("is served exactly as the checked-in typed client was generated from (run `npm run generate:openapi-client` after changing a procedure)", async () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(liveDocument())));
    expect(await readFile(schemaFile, "utf8")).toBe(await clientTypes(document));
  });

  it("has human docs at /api/docs, served from npm under the app's Content-Security-Policy", async () => {
    const page = await fetch(`${app.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    // Every script the page loads is one of ours, from this origin: nothing inline, nothing from a CDN.
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(inline!.trim()).toBe("");
      const src = /src="([^"]+)"/.exec(attributes!)![1]!;
      expect(src.startsWith("/")).toBe(true);
      const script = await fetch(`${app.url}${src}`);
      expect(script.status, src).toBe(200);
      expect(script.headers.get("content-type"), src).toContain("javascript");
    }
    expect(await (await fetch(`${app.url}/api/docs/init.js`)).text()).toContain("/api/v1/openapi.json");
    const css = await fetch(`${app.url}/api/docs/assets/swagger-ui.css`);
    expect(css.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
    // Nothing else of the npm package is served: its demo page would load a remote example API.
    expect((await fetch(`${app.url}/api/docs/assets/index.html`)).status).toBe(404);
  });
});
