import type { RequestHandler } from "express";
import { catalogReads } from "../routers/catalog.router.js";
import type { Services } from "../services/index.js";
import { callByPath } from "../trpc/call-by-path.js";
import { contextFactory } from "../trpc/init.js";
import { appRouter } from "../trpc/root.js";
import { transformer } from "../trpc/transformer.js";


/**
 * The inputs of a tRPC GET, as its HTTP link sends them: `input` is one serialized input, or with
 * `batch=1` an object keyed "0", "1", …; a procedure without input may leave it out. Throws on
 * anything else (tRPC then answers with its own error).
 */
function inputsOf(query: Record<string, unknown>, count: number): { batch: boolean; inputs: unknown[] } {
  const batch = query.batch === "1";
  if (query.batch !== undefined && !batch) throw new Error("batch");
  const raw = query.input;
  if (raw !== undefined && typeof raw !== "string") throw new Error("input");
  const parsed: unknown = raw === undefined ? undefined : JSON.parse(raw);
  if (!batch) {
    if (count !== 1) throw new Error("batch");
    return { batch, inputs: [parsed === undefined ? undefined : transformer.input.deserialize(parsed)] };
  }
  const keyed = (parsed ?? {}) as Record<string, unknown>;
  if (typeof keyed !== "object" || Array.isArray(keyed)) throw new Error("input");
  return {
    batch,
    inputs: Array.from({ length: count }, (_, i) => (keyed[i] === undefined ? undefined : transformer.input.deserialize(keyed[i]))),
  };
}

/**
 * Public catalog reads on `/trpc` (one GET, or a batch of them) answered by calling the same
 * router in-process — same middleware, same input and output validation, same context (the
 * bearer included) — and writing tRPC's own envelope, so the bytes are those tRPC would send.
 * What it skips is tRPC's fetch adapter: a Request, a Response, a web stream and an abort signal
 * per request, about a fifth of an uncached catalog page's CPU (decision 138). That is the cost
 * every cache miss pays, and every catalog read on MongoDB deployments without the cache.
 *
 * Anything it does not recognise, and any call that fails, goes on to tRPC untouched, which
 * answers it as it always has (its error shapes, status codes and headers): these reads change
 * nothing, so running a failed one twice is only twice the work of a rare request.
 */
export function leanCatalogReads(services: Services): RequestHandler {
  const context = contextFactory(services);
  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const paths = req.path.slice(1).split(",");
    if (!paths.every((path) => catalogReads.has(path))) return next();
    // A client that asked for a streamed (JSON lines) answer gets it from tRPC.
    if (req.headers["trpc-accept"] !== undefined || req.headers.accept?.includes("application/jsonl")) return next();
    let call: { batch: boolean; inputs: unknown[] };
    try {
      call = inputsOf(req.query, paths.length);
    } catch {
      return next();
    }
    const caller = appRouter.createCaller(context({ req, res }));
    Promise.all(paths.map((path, i) => callByPath(caller, path, call.inputs[i]))).then(
      (results) => {
        const envelopes = results.map((data) => ({ result: { data: transformer.output.serialize(data) } }));
        res.setHeader("Vary", "trpc-accept, accept");
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(call.batch ? envelopes : envelopes[0]));
      },
      () => next(),
    );
  };
}
