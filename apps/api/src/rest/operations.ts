import { forEachOpenApiProcedure, getPathRegExp, normalizePath } from "trpc-to-openapi";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { restBehaviour, type RestBehaviour } from "./meta.js";

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
  /** What its `rest({...})` meta says it does beyond being called (201, ETag, Link…). */
  behaviour: RestBehaviour;
}

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
      behaviour: restBehaviour(meta),
    });
  });
  return operations;
}
