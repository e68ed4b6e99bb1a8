import { getTRPCErrorFromUnknown, TRPCError, type AnyProcedure } from "@trpc/server";

/** A middleware step's result, as tRPC's procedure call reads it. */
type StepResult = { ok: true; data: unknown } | { ok: false; error: TRPCError };

/** What `next` may pass on (tRPC's `MiddlewareFunction` options). */
interface NextOptions {
  ctx?: Record<string, unknown>;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

interface Call {
  readonly path: string;
  readonly type: "query" | "mutation";
  readonly batchIndex: number;
}

type Middleware = (opts: unknown) => Promise<StepResult | undefined>;

interface ProcedureDef {
  readonly middlewares: readonly Middleware[];
  readonly meta: unknown;
}

/**
 * Runs a procedure as tRPC's procedure call does (`callRecursive`, @trpc/server 11): its middlewares
 * in order — the input and output parsers tRPC made of `.input()`/`.output()`, ours, the resolver —
 * each given the step's `ctx`, `input`, `getRawInput`, `meta`, `path`, `type`, `batchIndex`, `signal`
 * and `next`, with `next`'s `ctx` merged over the step's and its `input`/`getRawInput` replacing them;
 * a throw in a step is that step's failed result, and a failed result is thrown at the end.
 * What differs is only how each step's options are made: tRPC copies the previous step's with a
 * generic spread helper twice a step (`_objectSpread2`, property by property through
 * `Object.defineProperty`), ~50 µs of an uncached catalog page's ~700; here they are one object
 * literal of one shape (decision 178).
 */
export async function runProcedure(procedure: AnyProcedure, call: Call, ctx: object, getRawInput: () => Promise<unknown>): Promise<unknown> {
  const def = procedure._def as unknown as ProcedureDef;
  const step = async (index: number, stepCtx: object, input: unknown, raw: () => Promise<unknown>): Promise<StepResult | undefined> => {
    try {
      return await def.middlewares[index]!({
        ctx: stepCtx,
        type: call.type,
        path: call.path,
        input,
        getRawInput: raw,
        meta: def.meta,
        signal: undefined,
        batchIndex: call.batchIndex,
        next: (next?: NextOptions) =>
          step(index + 1, next?.ctx ? { ...stepCtx, ...next.ctx } : stepCtx, next && "input" in next ? next.input : input, next?.getRawInput ?? raw),
      });
    } catch (cause) {
      return { ok: false, error: getTRPCErrorFromUnknown(cause) };
    }
  };
  const result = await step(0, ctx, undefined, getRawInput);
  if (!result) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "No result from middlewares - did you forget to `return next()`?" });
  if (!result.ok) throw result.error;
  return result.data;
}
