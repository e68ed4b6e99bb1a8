import type { AnyRouter } from "@trpc/server";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import type { RestOperation } from "./operations.js";

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Json>; security?: unknown[] };

const description = `The shop's API for mobile apps and partners: the same operations, rules and limits as the web shop, over plain JSON.

**Authentication.** \`POST /auth/login\` (or \`/auth/register\`) answers with a short-lived \`accessToken\` and a \`refreshToken\`. Send \`Authorization: Bearer <accessToken>\` with every protected call. When it expires (401), trade the refresh token at \`POST /auth/refresh\` for a new pair: each refresh token works once, and presenting a used one again signs that sign-in out everywhere. No cookies are read or set here.

**Errors** are RFC 9457 \`application/problem+json\`: \`type\`, \`title\`, \`status\`, \`detail\`, \`instance\`, \`requestId\` (quote it to support), and \`errors: [{ path, message }]\` naming each refused field. 422 means the input was refused; 401 carries \`WWW-Authenticate: Bearer\`; 429 carries \`Retry-After\` (seconds).

**Money** is always integer minor units with a currency (\`{ "minor": 129900, "currency": "INR" }\` is ₹1,299.00).

**Pages** are cursor-based: while there is more, the response has \`nextCursor\` and a \`Link: <…>; rel="next"\` header to follow.

**Catalog reads** carry an \`ETag\`; send it back as \`If-None-Match\` to get 304 Not Modified when nothing changed.`;

const tags = [
  { name: "Auth", description: "Accounts and sessions: register, sign in, refresh, sign out." },
  { name: "Catalog", description: "Products, variants and categories; public, cacheable with ETags." },
  { name: "Cart", description: "The signed-in shopper's cart, priced and checked on every change." },
  { name: "Orders", description: "Checkout with an Idempotency-Key, the shopper's orders, cancellation and returns." },
  { name: "Wallet", description: "The shopper's store-credit balance and statement." },
  { name: "Admin", description: "Staff operations; each needs the admin role and the permission it names." },
];

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details.",
  properties: {
    type: { type: "string", format: "uri", description: "Names the kind of problem, e.g. `urn:bbscart:problem:unprocessable-content`." },
    title: { type: "string", description: "The status's standard phrase." },
    status: { type: "integer" },
    detail: { type: "string", description: "What went wrong, for a person." },
    instance: { type: "string", description: "The request path." },
    requestId: { type: ["string", "null"], description: "The id of this request in the server's logs." },
    code: { type: "string", description: "A stable machine-readable code, e.g. `BAD_REQUEST`, `UNAUTHORIZED`, `CONFLICT`." },
    errors: {
      type: "array",
      description: "One entry per refused input field.",
      items: {
        type: "object",
        properties: { path: { type: "string", description: "The field's path, e.g. `address.postalCode`." }, message: { type: "string" } },
        required: ["path", "message"],
      },
    },
  },
  required: ["type", "title", "status", "detail", "instance", "requestId", "code", "errors"],
};

const problems: Record<string, string> = {
  "400": "The request could not be read (malformed JSON, or a refusal that names no field).",
  "401": "No valid bearer token. Carries `WWW-Authenticate: Bearer`.",
  "403": "Signed in, but this operation needs a permission the account lacks.",
  "404": "No such resource, or it belongs to someone else.",
  "409": "Conflicts with the current state (e.g. an Idempotency-Key reused with a different body).",
  "415": "The body was not sent as application/json.",
  "422": "The input was refused; `errors` names each field.",
  "429": "Over the request budget; retry after `Retry-After` seconds.",
};

const header = (schema: Json, text: string) => ({ schema, description: text });

/**
 * The generated document, finished for a reader: every failure as problem+json, the headers this
 * surface adds (Location, Link, ETag, Retry-After), the Idempotency-Key header for checkout and refunds, and
 * prose a mobile developer can start from.
 */
export function restDocument(router: AnyRouter, operations: RestOperation[], serverUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(router, {
    title: "BBSCART REST API",
    version: "1.0.0",
    description,
    baseUrl: serverUrl,
    securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The `accessToken` from /auth/login, /auth/register or /auth/refresh." } },
  });
  document.tags = tags;
  const components = (document.components ??= {}) as { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  // The generator's own error shape is replaced by problem+json below.
  components.schemas = Object.fromEntries(Object.entries(components.schemas ?? {}).filter(([name]) => !name.startsWith("error.")));
  components.schemas.Problem = problemSchema;
  components.responses = Object.fromEntries(
    Object.entries(problems).map(([status, text]) => [
      `Problem${status}`,
      {
        description: text,
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        ...(status === "429" ? { headers: { "Retry-After": header({ type: "integer" }, "Seconds to wait.") } } : {}),
      },
    ]),
  );

  for (const operation of operations) {
    const entry = (document.paths?.[operation.path] as Record<string, Operation> | undefined)?.[operation.method.toLowerCase()];
    if (!entry) continue;
    const success = entry.responses["200"]!;
    const responses: Record<string, Json> = {};
    const ref = (status: string) => ({ $ref: `#/components/responses/Problem${status}` });

    if (operation.behaviour.created) {
      responses["201"] = { ...success, description: "Created.", headers: { Location: header({ type: "string" }, "The created resource.") } };
    } else {
      responses["200"] = success;
    }
    const headers: Json = {};
    if (operation.behaviour.paginated) headers.Link = header({ type: "string" }, 'RFC 8288 `<…>; rel="next"` while there is a next page.');
    if (operation.behaviour.cached) {
      headers.ETag = header({ type: "string" }, "Send back as If-None-Match.");
      entry.parameters = [...(entry.parameters ?? []), { in: "header", name: "If-None-Match", required: false, schema: { type: "string" }, description: "An ETag from an earlier answer." }];
      responses["304"] = { description: "Not modified since the ETag sent.", headers: { ETag: headers.ETag } };
    }
    if (Object.keys(headers).length > 0) responses["200"] = { ...success, headers };
    if (operation.behaviour.idempotencyHeader) withIdempotencyHeader(entry);

    const hasInput = operation.procedureDef._def.inputs.length > 0;
    if (operation.method !== "GET") responses["400"] = ref("400");
    if ((entry.security && entry.security.length > 0) || operation.behaviour.refusesCredentials) responses["401"] = ref("401");
    const access = (operation.procedureDef._def.meta as { access?: string } | undefined)?.access ?? "";
    if (access.startsWith("admin:")) responses["403"] = ref("403");
    if (operation.path.includes("{")) responses["404"] = ref("404");
    if (operation.method !== "GET") responses["409"] = ref("409");
    if (hasInput && operation.method !== "GET" && operation.method !== "DELETE") responses["415"] = ref("415");
    if (hasInput) responses["422"] = ref("422");
    if (operation.method !== "GET") responses["429"] = ref("429");
    entry.responses = responses;
  }
  return document;
}

/** An idempotency key (checkout, refunds) is a header here (the adapter copies it into the input), not a body field. */
function withIdempotencyHeader(entry: Operation): void {
  entry.parameters = [
    ...(entry.parameters ?? []),
    {
      in: "header",
      name: "Idempotency-Key",
      required: true,
      description: "New for each request; retrying with the same key and body answers as the first did (the same order or refund); the same key with another body is 409.",
      schema: { type: "string", pattern: "^[A-Za-z0-9_-]{8,100}$" },
    },
  ];
  const body = entry.requestBody?.content["application/json"];
  if (!body) return;
  const schema = body.schema as { properties?: Json; required?: string[] };
  const { idempotencyKey: _moved, ...properties } = schema.properties ?? {};
  body.schema = { ...schema, properties, required: (schema.required ?? []).filter((name) => name !== "idempotencyKey") };
}
