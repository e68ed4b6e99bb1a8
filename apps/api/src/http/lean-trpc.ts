import { getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse, type TRPCError } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Request, RequestHandler, Response } from "express";
import type { Services } from "../services/index.js";
import { contextFactory, type Context } from "../trpc/init.js";
import { procedureByPath, procedurePaths } from "../trpc/procedure-paths.js";
import { appRouter } from "../trpc/root.js";
import { runProcedure } from "../trpc/run-procedure.js";

type CallType = "query" | "mutation";

/** What tRPC's own adapter is told when a procedure fails (app.ts logs unexpected failures). */
export type ProcedureFailure = (failure: { error: TRPCError; path: string; input: unknown; ctx: Context; type: CallType; req: Request }) => void;

const QUERIES = procedurePaths((_path, def) => def.type === "query");
const MUTATIONS = procedurePaths((_path, def) => def.type === "mutation");

const config = appRouter._def._config;
const deserialize = (value: unknown) => config.transformer.input.deserialize(value) as unknown;

/**
 * The raw inputs of a tRPC call, read as tRPC's JSON handler reads them from the query string's
 * `input` or the body: one serialized input, or with `batch=1` an object keyed "0", "1", …, a call
 * without input leaving its key out. Throws on anything else.
 */
function inputsOf(text: string | undefined, batch: boolean, count: number): unknown[] {
  const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
  if (!batch) return [parsed === undefined ? undefined : deserialize(parsed)];
  // Only a missing input means "no inputs": tRPC refuses a batch whose input is null.
  const keyed = parsed === undefined ? {} : parsed;
  if (typeof keyed !== "object" || keyed === null || Array.isArray(keyed)) throw new Error("input");
  return Array.from({ length: count }, (_, i) => {
    const input = (keyed as Record<string, unknown>)[i];
    return input === undefined ? undefined : deserialize(input);
  });
}

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
 * The calls of a request this path may take: every one a procedure of `type`, nothing streamed asked for.
 * `query` is `req.query`, read once by the caller: Express parses the query string again on every read.
 */
function callsOf(req: Request, query: Request["query"], type: CallType): { batch: boolean; paths: string[] } | null {
  if (req.headers["trpc-accept"] !== undefined || req.headers.accept?.includes("application/jsonl")) return null;
  const batch = query.batch === "1";
  if (query.batch !== undefined && !batch) return null;
  const paths = batch ? req.path.slice(1).split(",") : [req.path.slice(1)];
  const known = type === "query" ? QUERIES : MUTATIONS;
  return paths.every((path) => known.has(path)) ? { batch, paths } : null;
}

/**
 * Runs each procedure's own middlewares as tRPC's procedure call does (`runProcedure`, decision
 * 178) and writes the answer tRPC's adapter would: its error shape (our formatter), its status for
 * the whole (207 for a batch of mixed outcomes), its serialisation, its `Vary` and `Content-Type`.
 */
async function answer(
  { req, res, type, batch, paths, inputs }: { req: Request; res: Response; type: CallType; batch: boolean; paths: string[]; inputs: unknown[] },
  ctx: Context,
  onError: ProcedureFailure,
): Promise<void> {
  const responses = await Promise.all(
    paths.map((path, batchIndex) =>
      runProcedure(procedureByPath.get(path)!, { path, type, batchIndex }, ctx, () => Promise.resolve(inputs[batchIndex])).then(
        (data: unknown) => ({ result: { data } }),
        (cause: unknown) => {
          const error = getTRPCErrorFromUnknown(cause);
          const input = inputs[batchIndex];
          onError({ error, path, input, ctx, type, req });
          return { error: getTRPCErrorShape({ config, ctx, error, input, path, type }) };
        },
      ),
    ),
  );
  res.statusCode = getHTTPStatusCode(responses);
  res.setHeader("Vary", "trpc-accept, accept");
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(transformTRPCResponse(config, batch ? responses : responses[0]!)));
}

/**
 * tRPC calls answered without tRPC's fetch adapter (decisions 138, 157): each procedure runs its own
 * middleware chain as tRPC's procedure call runs it (decision 178) — same middleware, input and
 * output validation, context and bearer — and the answer is built by tRPC's own functions, so
 * status, headers and bytes are the adapter's.
 * What is skipped is the adapter itself: per request a fetch `Request` with copied `Headers`, a web
 * stream for the body, an `AbortController` tied to the socket, a `Response` written back — a third
 * of a checkout's cost and a fifth of an uncached catalog page's.
 *
 * A path takes only what it can answer exactly as tRPC would, and hands the rest on untouched:
 * another method, a streamed (JSON lines) answer asked for, a procedure of another type or none,
 * input it cannot read. Nothing has run when it hands on.
 *
 * Procedures get no abort signal (the adapter's fires when the client goes away): none of ours reads
 * one, and a call is not cut short because its caller left.
 */
export function leanQueries(services: Services, options: { onError: ProcedureFailure }): RequestHandler {
  const context = contextFactory(services);
  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const query = req.query;
    const calls = callsOf(req, query, "query");
    if (!calls) return next();
    const raw = query.input;
    if (raw !== undefined && typeof raw !== "string") return next();
    let inputs: unknown[];
    try {
      inputs = inputsOf(raw, calls.batch, calls.paths.length);
    } catch {
      return next();
    }
    answer({ req, res, type: "query", ...calls, inputs }, context({ req, res }), options.onError).catch(next);
  };
}

/**
 * Mutations, single or batched as the web's batch link sends them, with a JSON body whose declared
 * length is within `maxBodyBytes` (anything else, tRPC reads and limits). A body that does not parse
 * is handed on, already read, as `req.body`, which tRPC's adapter reads instead of the stream, so
 * tRPC answers with its own parse error.
 */
export function leanMutations(services: Services, options: { maxBodyBytes: number; onError: ProcedureFailure }): RequestHandler {
  const context = contextFactory(services);
  return (req, res, next) => {
    if (req.method !== "POST" || !req.headers["content-type"]?.startsWith("application/json")) return next();
    const calls = callsOf(req, req.query, "mutation");
    if (!calls) return next();
    const length = Number(req.headers["content-length"]);
    if (!Number.isSafeInteger(length) || length > options.maxBodyBytes) return next();
    bodyText(req)
      .then((text) => {
        let inputs: unknown[];
        try {
          inputs = inputsOf(text, calls.batch, calls.paths.length);
        } catch {
          (req as Request & { body: string }).body = text;
          return next();
        }
        return answer({ req, res, type: "mutation", ...calls, inputs }, context({ req, res }), options.onError);
      })
      // A body cut off, or a throw while answering: Express's error handler, never an unhandled rejection.
      .catch(next);
  };
}
