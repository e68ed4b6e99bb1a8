import { createHash } from "node:crypto";
import express, { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { TRPCError, type AnyRouter } from "@trpc/server";
import type { Redis } from "ioredis";
import { instanceofZodTypeKind, instanceofZodTypeObject, unwrapZodType } from "trpc-to-openapi";
import type { z } from "zod";
import { mutationLimit } from "../security/request-limit.js";
import type { Services } from "../services/index.js";
import { callByPath } from "../trpc/call-by-path.js";
import { contextFactory } from "../trpc/init.js";
import { toTRPCError } from "../trpc/to-trpc-error.js";
import { restDocument } from "./document.js";
import { locationOf } from "./meta.js";
import { restOperations, type RestOperation } from "./operations.js";
import { fromFormattedError, problem, sendProblem, type FormattedError } from "./problem.js";

export interface RestDeps {
  router: AnyRouter;
  services: Services;
  redis: Redis;
  bodyLimitBytes: number;
  mutationsPerMinute: number;
  redisPrefix: string;
}

type Query = Record<string, string | string[]>;

/**
 * Query strings carry text; the procedures' schemas want numbers and booleans. Each value is
 * converted only where the schema's field is a number (`"24"` → 24) or a boolean (exactly
 * `true`/`false`); anything else stays text, so the schema refuses it naming the field. The
 * schemas themselves are never changed: the tRPC surface shares them.
 */
function typedQuery(schema: unknown, query: Query): Record<string, unknown> {
  const object = schema ? (unwrapZodType(schema as z.ZodType, true) as unknown) : undefined;
  const shape = object && instanceofZodTypeObject(object as z.ZodType) ? (object as z.ZodObject).shape : {};
  const typed: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1]! : raw;
    const field = shape[key] ? unwrapZodType(shape[key] as z.ZodType, false) : undefined;
    if (field && instanceofZodTypeKind(field, "number") && /^-?\d+(\.\d+)?$/.test(value)) typed[key] = Number(value);
    else if (field && instanceofZodTypeKind(field, "boolean") && (value === "true" || value === "false")) typed[key] = value === "true";
    else typed[key] = value;
  }
  return typed;
}

function inputFor(operation: RestOperation, req: Request, pathParams: Record<string, string>): unknown {
  const schema = operation.procedureDef._def.inputs[0];
  if (!schema) return undefined;
  const carriesBody = operation.method !== "GET" && operation.method !== "DELETE";
  const body: unknown = carriesBody ? req.body : typedQuery(schema, req.query as Query);
  if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The request body must be a JSON object" });
  }
  const input: Record<string, unknown> = { ...(body as Record<string, unknown> | undefined), ...pathParams };
  if (operation.behaviour.idempotencyHeader) input.idempotencyKey = req.get("Idempotency-Key");
  return input;
}

/**
 * Path parameters as the client meant them: `CN%2F25-26%2F000004` is the credit note
 * `CN/25-26/000004`. A malformed escape is unreadable, not a value to look up.
 */
function decodedParams(groups: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A path parameter is not validly percent-encoded" });
  }
}

/** Whether the request has body bytes to read: a length above zero, or a chunked body. */
function carriesContent(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** A strong validator over the exact bytes sent: equal bodies, equal tags. */
function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** The same request with `cursor` set to the next page's: what a client follows to read on. */
function nextLink(req: Request, cursor: string): string {
  const url = new URL(req.originalUrl, "http://placeholder");
  url.searchParams.set("cursor", cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}

/** A file answer (`rest({ file })`): the bytes the procedure returned as base64, as a download. */
function sendFile(res: Response, type: string, data: unknown): void {
  const { filename, base64 } = data as { filename: string; base64: string };
  res.setHeader("Content-Disposition", `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  // A tax document is the buyer's own: no shared cache may keep it.
  res.setHeader("Cache-Control", "private, no-store");
  res.status(200).type(type).end(Buffer.from(base64, "base64"));
}

function sendSuccess(req: Request, res: Response, operation: RestOperation, data: unknown): void {
  if (operation.behaviour.file) return sendFile(res, operation.behaviour.file, data);
  const body = JSON.stringify(data);
  const created = operation.behaviour.created;
  // baseUrl is where the surface is mounted (/api/v1), so the Location is right wherever that is.
  const location = created ? `${req.baseUrl}${locationOf(created, data)}` : undefined;
  if (location) res.setHeader("Location", location);
  const cursor = (data as { nextCursor?: unknown } | null)?.nextCursor;
  if (operation.behaviour.paginated && typeof cursor === "string") res.setHeader("Link", nextLink(req, cursor));
  if (operation.behaviour.cached) {
    const etag = etagOf(body);
    res.setHeader("ETag", etag);
    // Catalog data is public but changes: caches may keep it, and must ask again each time.
    res.setHeader("Cache-Control", "no-cache");
    if (matchesIfNoneMatch(req.get("If-None-Match"), etag)) {
      res.status(304).end();
      return;
    }
  } else {
    res.setHeader("Cache-Control", "no-store");
  }
  // end(), not send(): Express would add a weak ETag (and 304s) of its own to every answer.
  res.status(location ? 201 : 200).type("application/json").end(body);
}

/**
 * The REST surface: each request is matched to the procedure whose meta names its verb and path,
 * and that procedure is called like any tRPC call (same middlewares, access checks, input and
 * output schemas, services). What differs is only the wire: plain JSON, bearer tokens and no
 * cookies, problem+json errors, status codes and headers of HTTP.
 */
export function restRoutes(deps: RestDeps): Router {
  const operations = restOperations(deps.router);
  // Relative, so the document is right behind any proxy or host name the API is reached by.
  const document = restDocument(deps.router, operations, "/api/v1");
  const createContext = contextFactory(deps.services, "rest");
  const routes = Router();

  routes.get("/openapi.json", (_req, res) => {
    res.json(document);
  });

  routes.use(
    mutationLimit(deps.redis, deps.redisPrefix, deps.mutationsPerMinute, (req, res, retryAfterSeconds) => {
      res.setHeader("Retry-After", String(retryAfterSeconds));
      sendProblem(res, problem({ status: 429, detail: "Too many requests; try again shortly", instance: req.originalUrl, requestId: req.id, code: "TOO_MANY_REQUESTS" }));
    }),
  );
  routes.use((req, res, next) => {
    // A body in another format would otherwise reach the schema as nothing and be refused field by field.
    // An empty one is no body, whatever its type says: fetch and `curl -d ''` send `Content-Length: 0`
    // on a POST without one (accept-price, pay again), often with no Content-Type at all.
    if (carriesContent(req) && req.is("application/json") === false) {
      sendProblem(res, problem({ status: 415, detail: "Send the request body as application/json", instance: req.originalUrl, requestId: req.id, code: "UNSUPPORTED_MEDIA_TYPE" }));
      return;
    }
    next();
  });
  routes.use(express.json({ limit: deps.bodyLimitBytes }));

  routes.use(async (req, res) => {
    const matches = operations.filter((operation) => operation.pattern.test(req.path));
    // HEAD is GET without the body (Node drops it), as HTTP says.
    const method = req.method === "HEAD" ? "GET" : req.method;
    const operation = matches.find((candidate) => candidate.method === method);
    if (!operation) {
      if (matches.length > 0) res.setHeader("Allow", matches.map((m) => m.method).join(", "));
      const status = matches.length > 0 ? 405 : 404;
      sendProblem(res, problem({ status, detail: `No operation ${req.method} ${req.originalUrl}`, instance: req.originalUrl, requestId: req.id, code: status === 405 ? "METHOD_NOT_SUPPORTED" : "NOT_FOUND" }));
      return;
    }
    // The operation's template, not the path: what request metrics count it under (ids never become labels).
    res.locals.routeTemplate = `${req.baseUrl}${operation.path}`;
    const ctx = createContext({ req, res });
    let input: unknown;
    try {
      input = inputFor(operation, req, decodedParams(operation.pattern.exec(req.path)?.groups ?? {}));
      sendSuccess(req, res, operation, await callByPath(deps.router.createCaller(ctx), operation.procedure, input));
    } catch (cause) {
      const error = toTRPCError(cause);
      if (error.code === "INTERNAL_SERVER_ERROR") ctx.log.error({ err: error, path: operation.procedure }, "procedure failed");
      const shape = getErrorShape({ config: deps.router._def._config, error, type: operation.type, path: operation.procedure, input, ctx }) as FormattedError;
      sendProblem(res, fromFormattedError(shape, req.originalUrl));
    }
  });

  /** Body parsing refusals (malformed JSON, too large) in the same problem+json as the rest. */
  const onError: ErrorRequestHandler = (error: { status?: number; type?: string; message?: string }, req, res, next) => {
    if (typeof error.status !== "number" || error.status >= 500) return next(error);
    const detail = error.type === "entity.parse.failed" ? "The request body is not valid JSON" : (error.message ?? "Bad request");
    sendProblem(res, problem({ status: error.status, detail, instance: req.originalUrl, requestId: req.id, code: error.status === 413 ? "PAYLOAD_TOO_LARGE" : "PARSE_ERROR" }));
  };
  routes.use(onError);
  return routes;
}
