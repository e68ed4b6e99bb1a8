import type { AnyRouter } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { AppError, refusalAnswers, type RefusalAnswer } from "../services/common/index.js";
import { toTRPCError } from "../trpc/to-trpc-error.js";
import type { RestOperation } from "./operations.js";
import { problemStatus, typeFor } from "./problem.js";

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

const problems: Record<number, string> = {
  400: "The request could not be read (malformed JSON, or a refusal that names no field).",
  401: "No valid bearer token. Carries `WWW-Authenticate: Bearer`.",
  403: "Signed in, but this operation needs a permission the account lacks (or a refusal that concerns the caller's rights).",
  404: "No such resource, or it belongs to someone else.",
  409: "Conflicts with the current state (e.g. an Idempotency-Key reused with a different body).",
  412: "The request is well-formed but what it acts on is not ready for it (e.g. an empty cart at checkout).",
  413: "The body is larger than the server accepts.",
  415: "A body was sent, but not as application/json.",
  422: "The input was refused; `errors` names each field.",
  429: "Over the request budget; retry after `Retry-After` seconds.",
  503: "A service the operation needs is briefly unavailable; retry after `Retry-After` seconds.",
};

/** A header the answer carries; `required` when it always does (the conformance suite checks those). */
const header = (schema: Json, text: string, required = false) => ({ schema, description: text, ...(required ? { required: true } : {}) });

/** The headers a failure with `status` always carries. */
const problemHeaders: Record<number, Json> = {
  401: { "WWW-Authenticate": header({ type: "string" }, "`Bearer realm=\"bbscart\"`, with `error=\"invalid_token\"` when a token was sent.", true) },
  429: { "Retry-After": header({ type: "integer" }, "Seconds to wait.", true) },
  503: { "Retry-After": header({ type: "integer" }, "Seconds to wait.", true) },
};

/** The status a refusal answer reaches a REST client with: the same mapping the adapter applies to a thrown refusal. */
function statusOf(answer: RefusalAnswer): number {
  const error = toTRPCError(new AppError(answer.code, answer.code));
  const fieldErrors = answer.field ? [{ path: answer.field, message: "" }] : [];
  return problemStatus({ message: "", data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), requestId: null, fieldErrors, reason: answer.reason } });
}

/** A failure status of one operation, with every problem `type` it can carry (the schema holds the client to them). */
function problemResponse(status: number, types: Set<string>): Json {
  const listed = [...types].sort();
  return {
    description: `${problems[status] ?? "Refused."} Problem types: ${listed.map((type) => `\`${type}\``).join(", ")}.`,
    ...(problemHeaders[status] ? { headers: problemHeaders[status] } : {}),
    content: {
      "application/problem+json": {
        schema: { allOf: [{ $ref: "#/components/schemas/Problem" }, { type: "object", properties: { type: { type: "string", enum: listed } } }] },
      },
    },
  };
}

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

  for (const operation of operations) {
    const entry = (document.paths?.[operation.path] as Record<string, Operation> | undefined)?.[operation.method.toLowerCase()];
    if (!entry) continue;
    const success = entry.responses["200"]!;
    const responses: Record<string, Json> = {};

    if (operation.behaviour.created) {
      responses["201"] = { ...success, description: "Created.", headers: { Location: header({ type: "string" }, "The created resource.", true) } };
    } else {
      responses["200"] = success;
    }
    const headers: Json = {};
    if (operation.behaviour.paginated) headers.Link = header({ type: "string" }, 'RFC 8288 `<…>; rel="next"` while there is a next page.');
    if (operation.behaviour.cached) {
      headers.ETag = header({ type: "string" }, "Send back as If-None-Match.", true);
      entry.parameters = [...(entry.parameters ?? []), { in: "header", name: "If-None-Match", required: false, schema: { type: "string" }, description: "An ETag from an earlier answer." }];
      responses["304"] = { description: "Not modified since the ETag sent.", headers: { ETag: headers.ETag } };
    }
    if (Object.keys(headers).length > 0) responses["200"] = { ...success, headers };
    if (operation.behaviour.file) responses["200"] = fileResponse(operation.behaviour.file);
    if (operation.behaviour.idempotencyHeader) withIdempotencyHeader(entry);
    withInputRules(entry, operation);

    for (const [status, types] of failures(operation, entry)) responses[String(status)] = problemResponse(status, types);
    entry.responses = responses;
  }
  return document;
}

/**
 * Every failure status `operation` can answer with, each with its problem types: those any
 * operation of its kind can meet (unreadable body, no token, no permission, unknown id, a budget, an
 * outage), each under its status's own type, plus the refusals its `rest({ refuses })` names, with
 * the status and reason the refusal table gives them.
 */
function failures(operation: RestOperation, entry: Operation): Map<number, Set<string>> {
  const declared = new Map<number, Set<string>>();
  const add = (status: number, reason: string | null = null) => {
    const types = declared.get(status) ?? new Set<string>();
    declared.set(status, types.add(typeFor(status, reason)));
  };
  const writes = operation.method !== "GET";
  const hasInput = operation.procedureDef._def.inputs.length > 0;
  const access = (operation.procedureDef._def.meta as { access?: string } | undefined)?.access ?? "";
  // Any write may carry a body, even one that takes none: it can be unreadable, too large or not JSON.
  if (writes) [400, 413, 415].forEach((status) => add(status));
  if ((entry.security && entry.security.length > 0) || operation.behaviour.refusesCredentials) add(401);
  if (access.startsWith("admin:")) add(403);
  if (operation.path.includes("{")) add(404);
  if (writes) add(409);
  if (hasInput) add(422);
  if (writes) add(429);
  add(503);
  for (const answer of refusalAnswers(operation.behaviour.refuses ?? [])) add(statusOf(answer), answer.reason);
  return new Map([...declared].sort(([a], [b]) => a - b));
}

/**
 * Rules of the input schema the generator drops when it rebuilds the body without the path
 * parameters (a refinement's `oneOf` declared with `.meta()` in core): copied back onto the body.
 */
function withInputRules(entry: Operation, operation: RestOperation): void {
  const body = entry.requestBody?.content["application/json"];
  const input = operation.procedureDef._def.inputs[0] as { meta?: () => Json | undefined } | undefined;
  const meta = input?.meta?.() ?? {};
  if (!body) return;
  for (const keyword of ["oneOf", "anyOf", "allOf", "not", "dependentRequired"] as const) {
    if (meta[keyword] !== undefined) body.schema = { ...body.schema, [keyword]: meta[keyword] };
  }
}

/** The 200 of an operation that answers a file: its bytes, named by Content-Disposition. */
function fileResponse(type: string): Json {
  return {
    description: "The file, as an attachment.",
    headers: { "Content-Disposition": header({ type: "string" }, '`attachment; filename="…"`: the document\'s number as a file name.', true) },
    content: { [type]: { schema: { type: "string", format: "binary" } } },
  };
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
