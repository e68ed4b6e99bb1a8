import type { Request, RequestHandler } from "express";

/**
 * The procedures one request to /trpc calls, read exactly as tRPC reads them: with `?batch=1` the
 * last path segment is a comma-separated list, one entry per call; otherwise it is one call.
 */
export function trpcCalls(req: Request): number {
  const path = req.path.slice(req.path.lastIndexOf("/") + 1);
  // A path without a comma is one call either way: the query string (parsed again on every read) is not needed.
  if (!path.includes(",")) return 1;
  return req.query.batch === "1" ? path.split(",").length : 1;
}

/**
 * Refuses a tRPC batch of more than `maxCalls` calls with 400 before anything is counted, parsed or
 * run: a batch is a convenience for the web app's page loads, not a way to multiply one request.
 */
export function batchCap(maxCalls: number): RequestHandler {
  return (req, res, next) => {
    const calls = trpcCalls(req);
    if (calls <= maxCalls) return next();
    res.status(400).json({
      error: { code: "BAD_REQUEST", message: `A batch may hold at most ${maxCalls} calls; this one holds ${calls}` },
    });
  };
}
