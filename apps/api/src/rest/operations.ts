import { forEachOpenApiProcedure, getPathRegExp, normalizePath } from "trpc-to-openapi";
import type { AnyProcedure, AnyRouter } from "@trpc/server";

/** Where a procedure lives under /api/v1, as its `.meta({ openapi })` declares it. */
export interface RestOperation {
  method: string;
  /** The path template, e.g. `/orders/{orderId}`. */
  path: string;
  /** The procedure's dotted path in the router, e.g. `order.byId`. */
  procedure: string;
  type: "query" | "mutation";
  procedureDef: AnyProcedure;
  pattern: RegExp;
}

/**
 * How each exposed procedure behaves beyond calling it, by procedure path. Everything else about
 * an operation (path, verb, docs, access) is on the procedure itself.
 */
export const behaviour = {
  /** Answer 201 with a Location naming what was created. */
  created: {
    "order.place": (data: unknown) => `/api/v1/orders/${encodeURIComponent((data as { orderId: string }).orderId)}`,
  } as Record<string, (data: unknown) => string>,
  /** Catalog reads: ETag on the body, 304 on a matching If-None-Match. */
  cached: new Set(["catalog.list", "catalog.bySlug", "catalog.categories"]),
  /** Cursor pages: a `Link: <…>; rel="next"` header while `nextCursor` is set. */
  paginated: new Set(["catalog.list", "order.list", "wallet.statement", "admin.orders.list"]),
  /** Public operations that still refuse bad credentials with a 401. */
  refusesCredentials: new Set(["auth.login", "auth.refresh"]),
  /** The idempotency key travels in the `Idempotency-Key` header instead of the body. */
  idempotencyHeader: new Set(["order.place", "admin.orders.refund"]),
};

/** Every procedure with REST meta, in router order. */
export function restOperations(router: AnyRouter): RestOperation[] {
  const operations: RestOperation[] = [];
  forEachOpenApiProcedure(router._def.procedures as never, ({ path, type, procedure, meta }) => {
    const template = normalizePath(meta.openapi.path);
    operations.push({
      method: meta.openapi.method,
      path: template,
      procedure: path,
      type: type as RestOperation["type"],
      procedureDef: procedure as unknown as AnyProcedure,
      pattern: getPathRegExp(template),
    });
  });
  return operations;
}
