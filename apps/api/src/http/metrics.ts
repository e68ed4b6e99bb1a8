import http from "node:http";
import { once } from "node:events";
import type { Request, RequestHandler, Response } from "express";
import { Router } from "express";
import type { Metrics } from "../metrics/metrics.js";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The route a request is counted under: a template, never the raw path, so ids and slugs cannot
 * grow the label set. tRPC calls are named by their procedure (only known ones; a batch is one
 * label), REST operations by the template the adapter matched (`res.locals.routeTemplate`,
 * `/api/v1/products/{slug}`), other Express routes by their pattern, static files by their
 * folder; everything else (unknown paths, 404s) shares one label.
 */
export function routeTemplate(req: Request, res: Response, procedures: ReadonlySet<string>): string {
  const path = req.originalUrl.split("?", 1)[0] ?? "";
  if (path.startsWith("/trpc/")) {
    const names = path.slice("/trpc/".length).split(",");
    if (names.length > 1) return "/trpc/{batch}";
    return procedures.has(names[0]!) ? `/trpc/${names[0]}` : "/trpc/{unknown}";
  }
  const matched: unknown = res.locals.routeTemplate;
  if (typeof matched === "string") return matched;
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === "string") return `${req.baseUrl}${route.path}`;
  if (path.startsWith("/assets/")) return "/assets/{file}";
  if (path.startsWith("/uploads/")) return "/uploads/{file}";
  return "{other}";
}

/** Times every request from arrival to its last byte and counts it under its route template and status class. */
export function requestMetrics(metrics: Metrics, procedures: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(
        { method: METHODS.has(req.method) ? req.method : "OTHER", route: routeTemplate(req, res, procedures), statusClass: `${Math.floor(res.statusCode / 100)}xx` },
        seconds,
      );
    });
    next();
  };
}

/** Answers a scrape: 401 without the bearer token, else the exposition text (a failing collector is a 500 with no detail). */
async function scrape(metrics: Metrics, authorization: string | undefined, res: http.ServerResponse): Promise<void> {
  if (!metrics.authorizes(authorization)) {
    res.writeHead(401, { "WWW-Authenticate": 'Bearer realm="metrics"', "Content-Type": "text/plain; charset=utf-8" }).end("metrics need the scrape token\n");
    return;
  }
  const body = await metrics.render();
  res.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" }).end(body);
}

/** `GET /metrics` on the API's own port; mounted only when metrics are enabled, so otherwise it is a plain 404. */
export function metricsRoutes(metrics: Metrics): Router {
  const routes = Router();
  routes.get("/metrics", (req: Request, res: Response, next) => {
    scrape(metrics, req.headers.authorization, res).catch(next);
  });
  return routes;
}

/**
 * The worker's metrics listener (it has no HTTP server otherwise): `GET /metrics` with the same
 * token, everything else 404. Returns the server so shutdown can close it.
 */
export async function serveMetrics(metrics: Metrics, port: number, host: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?", 1)[0] !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    scrape(metrics, req.headers.authorization, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(port, host);
  await once(server, "listening");
  return server;
}
