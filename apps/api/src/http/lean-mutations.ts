import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse, type TRPCError } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Request, RequestHandler } from "express";
import type { Services } from "../services/index.js";
import { contextFactory, type Context } from "../trpc/init.js";
import { appRouter } from "../trpc/root.js";

/** What tRPC's own adapter is told when a procedure fails (app.ts logs unexpected failures). */
export type ProcedureFailure = (failure: { error: TRPCError; path: string; input: unknown; ctx: Context; type: "mutation"; req: Request }) => void;

// tRPC keeps every procedure by its dotted path ("order.place") at run time, whatever the type says.
const mutations: ReadonlySet<string> = new Set(
  Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
    .filter(([, procedure]) => procedure._def.type === "mutation")
    .map(([path]) => path),
);

/** The body as text, read whole: only called for a request whose declared length is within the limit. */
function bodyText(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

/**
 * The raw inputs of a tRPC POST, read as tRPC's JSON handler reads them: the body is one
 * serialized input, or with `batch=1` an object keyed "0", "1", …. Throws on anything else.
 */
function inputsOf(text: string, batch: boolean, count: number): unknown[] {
  const parsed: unknown = JSON.parse(text);
  const deserialize = (value: unknown) => appRouter._def._config.transformer.input.deserialize(value) as unknown;
  if (!batch) return [deserialize(parsed)];
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("input");
  const keyed = parsed as Record<string, unknown>;
  return Array.from({ length: count }, (_, i) => (keyed[i] === undefined ? undefined : deserialize(keyed[i])));
}

/**
 * tRPC mutations (one POST, or a batch of them, as the web app's batch link sends them) called
 * through tRPC's own procedure call — same middleware, input and output validation, context and
 * bearer — with the answer built by tRPC's own functions: its error shape (our formatter), its
 * status for the batch, its serialisation. What it skips is the fetch adapter: a Request, a
 * Response, a web stream, headers and an abort signal per request, which took a checkout from
 * ~150 to ~210 orders/s (decision 157).
 *
 * It takes only what it can answer exactly as tRPC would: a JSON body whose declared length is
 * within `maxBodyBytes`, every path a mutation, no streamed answer asked for. A body that does not
 * parse is handed on, already read, as `req.body`, which tRPC's adapter reads instead of the
 * stream: nothing has run yet, and tRPC answers with its own parse error.
 *
 * Procedures get no abort signal (tRPC's adapter gives one that fires when the client goes away):
 * none of ours reads it, and a mutation is not cut short because its caller left.
 */
export function leanMutations(services: Services, options: { maxBodyBytes: number; onError: ProcedureFailure }): RequestHandler {
  const context = contextFactory(services);
  const config = appRouter._def._config;
  return (req, res, next) => {
    if (req.method !== "POST" || !req.headers["content-type"]?.startsWith("application/json")) return next();
    if (req.headers["trpc-accept"] !== undefined || req.headers.accept?.includes("application/jsonl")) return next();
    const batch = req.query.batch === "1";
    if (req.query.batch !== undefined && !batch) return next();
    const paths = batch ? req.path.slice(1).split(",") : [req.path.slice(1)];
    if (!paths.every((path) => mutations.has(path))) return next();
    const length = Number(req.headers["content-length"]);
    if (!Number.isSafeInteger(length) || length > options.maxBodyBytes) return next();

    bodyText(req)
      .then((text) => {
        let inputs: unknown[];
        try {
          inputs = inputsOf(text, batch, paths.length);
        } catch {
          (req as Request & { body: string }).body = text;
          return next();
        }
        const ctx = context({ req, res });
        const calls = paths.map((path, batchIndex) =>
          callTRPCProcedure({ router: appRouter, path, getRawInput: () => Promise.resolve(inputs[batchIndex]), ctx, type: "mutation", signal: undefined, batchIndex }).then(
            (data: unknown) => ({ result: { data } }),
            (cause: unknown) => {
              const error = getTRPCErrorFromUnknown(cause);
              const input = inputs[batchIndex];
              options.onError({ error, path, input, ctx, type: "mutation", req });
              return { error: getTRPCErrorShape({ config, ctx, error, input, path, type: "mutation" }) };
            },
          ),
        );
        return Promise.all(calls).then((responses) => {
          res.statusCode = getHTTPStatusCode(responses);
          res.setHeader("Vary", "trpc-accept, accept");
          res.setHeader("Content-Type", "application/json");
          res.end(JSON.stringify(transformTRPCResponse(config, batch ? responses : responses[0]!)));
        });
      })
      // A body cut off, or a throw while answering: Express's error handler, never an unhandled rejection.
      .catch(next);
  };
}
