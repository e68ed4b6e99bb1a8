import { callTRPCProcedure, initTRPC, TRPCError, type AnyProcedure } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runProcedure } from "./run-procedure.js";

/*
 * `runProcedure` must be tRPC's own procedure call, step for step: every procedure below runs both
 * ways and must give the same data or the same error, and its middlewares must see the same options.
 */

interface Seen {
  ctx: Record<string, unknown>;
  input: unknown;
  meta: unknown;
  path: string;
  type: string;
  batchIndex: number;
  rawInput: unknown;
}

const t = initTRPC.context<{ user: string | null; calls: number; seen: Seen[] }>().meta<{ tag: string }>().create();

const record = t.middleware(async (opts) => {
  const { ctx, input, meta, path, type, batchIndex } = opts;
  ctx.seen.push({ ctx: { user: ctx.user, calls: ctx.calls, ...("role" in ctx ? { role: ctx.role } : {}) }, input, meta, path, type, batchIndex, rawInput: await opts.getRawInput() });
  return opts.next();
});

const base = t.procedure.use(record).meta({ tag: "base" });
const router = t.router({
  plain: base.input(z.object({ n: z.number() })).query(({ input }) => ({ twice: input.n * 2 })),
  // next({ ctx }) merges over the context; the following steps see both
  withRole: base
    .use(({ next }) => next({ ctx: { role: "admin" } }))
    .use(record)
    .query(({ ctx }) => ({ role: ctx.role, user: ctx.user })),
  // next({ input }) replaces the input the next steps see
  replaced: base
    .use(({ next }) => next({ input: { n: 9 } }))
    .use(record)
    .query(({ input }) => input),
  // next({ getRawInput }) replaces what the input parser reads
  rewritten: base
    .use(({ next }) => next({ getRawInput: () => Promise.resolve({ n: 41 }) }))
    .use(record)
    .input(z.object({ n: z.number() }))
    .query(({ input }) => input.n + 1),
  // a middleware changing the result on its way back
  wrapped: base
    .use(async ({ next }) => {
      const result = await next();
      return result.ok ? { ...result, data: { wrapped: result.data } } : result;
    })
    .query(() => "inner"),
  badOutput: base.output(z.object({ id: z.string() })).query(() => ({ id: 7 }) as unknown as { id: string }),
  refused: base.use(() => {
    throw new TRPCError({ code: "FORBIDDEN", message: "not yours" });
  }).query(() => "never"),
  failing: base.query(() => {
    throw new Error("boom");
  }),
  // a middleware that forgets to call next
  noResult: base.use((() => Promise.resolve(undefined)) as never).query(() => "never"),
  // the error a later step gave, caught and mapped by an earlier one
  mapped: base
    .use(async ({ next }) => {
      const result = await next();
      if (result.ok) return result;
      throw new TRPCError({ code: "CONFLICT", message: `mapped: ${result.error.message}` });
    })
    .query(() => {
      throw new TRPCError({ code: "NOT_FOUND", message: "gone" });
    }),
});

const procedures = router._def.procedures as unknown as Record<string, AnyProcedure>;

async function outcome(run: () => Promise<unknown>) {
  try {
    return { data: await run() };
  } catch (error) {
    const e = error as TRPCError;
    return { error: { name: e.name, code: e.code, message: e.message, cause: e.cause instanceof Error ? e.cause.constructor.name : typeof e.cause } };
  }
}

async function bothWays(path: string, rawInput: unknown, batchIndex = 0) {
  const ways = await Promise.all(
    (["trpc", "ours"] as const).map(async (way) => {
      const ctx = { user: "u1", calls: 0, seen: [] as Seen[] };
      const getRawInput = () => Promise.resolve(rawInput);
      const result = await outcome(() =>
        way === "trpc"
          ? callTRPCProcedure({ router, path, getRawInput, ctx, type: "query", signal: undefined, batchIndex })
          : runProcedure(procedures[path]!, { path, type: "query", batchIndex }, ctx, getRawInput),
      );
      return { result, seen: ctx.seen };
    }),
  );
  return { trpc: ways[0]!, ours: ways[1]! };
}

describe("runProcedure: a procedure run as tRPC runs it", () => {
  const cases: Array<[string, unknown, number?]> = [
    ["plain", { n: 4 }, 2],
    ["plain", { n: "four" }],
    ["plain", undefined],
    ["withRole", undefined],
    ["replaced", { n: 1 }],
    ["rewritten", { n: 1 }],
    ["wrapped", undefined],
    ["badOutput", undefined],
    ["refused", undefined],
    ["failing", undefined],
    ["noResult", undefined],
    ["mapped", undefined],
  ];

  it.each(cases)("%s with input %j gives the same data or error, and its middlewares see the same options", async (path, input, batchIndex) => {
    const { trpc, ours } = await bothWays(path, input, batchIndex);
    expect(ours.result).toEqual(trpc.result);
    expect(ours.seen).toEqual(trpc.seen);
  });

  it("is checked against outcomes that differ: data, errors, and what each step saw", async () => {
    const { trpc } = await bothWays("plain", { n: 4 }, 2);
    expect(trpc.result).toEqual({ data: { twice: 8 } });
    expect(trpc.seen).toEqual([{ ctx: { user: "u1", calls: 0 }, input: undefined, meta: { tag: "base" }, path: "plain", type: "query", batchIndex: 2, rawInput: { n: 4 } }]);
    expect((await bothWays("withRole", undefined)).ours).toMatchObject({ result: { data: { role: "admin", user: "u1" } }, seen: [{}, { ctx: { role: "admin" } }] });
    expect((await bothWays("replaced", { n: 1 })).ours).toMatchObject({ result: { data: { n: 9 } }, seen: [{ input: undefined }, { input: { n: 9 }, rawInput: { n: 1 } }] });
    expect((await bothWays("rewritten", { n: 1 })).ours).toMatchObject({ result: { data: 42 }, seen: [{ rawInput: { n: 1 } }, { input: undefined, rawInput: { n: 41 } }] });
    expect((await bothWays("wrapped", undefined)).ours.result).toEqual({ data: { wrapped: "inner" } });
    expect((await bothWays("plain", { n: "four" })).ours.result).toMatchObject({ error: { code: "BAD_REQUEST", cause: "ZodError" } });
    expect((await bothWays("badOutput", undefined)).ours.result).toMatchObject({ error: { code: "INTERNAL_SERVER_ERROR", message: "Output validation failed" } });
    expect((await bothWays("refused", undefined)).ours.result).toMatchObject({ error: { code: "FORBIDDEN", message: "not yours" } });
    expect((await bothWays("failing", undefined)).ours.result).toMatchObject({ error: { code: "INTERNAL_SERVER_ERROR", message: "boom" } });
    expect((await bothWays("noResult", undefined)).ours.result).toMatchObject({ error: { code: "INTERNAL_SERVER_ERROR", message: "No result from middlewares - did you forget to `return next()`?" } });
    expect((await bothWays("mapped", undefined)).ours.result).toMatchObject({ error: { code: "CONFLICT", message: "mapped: gone" } });
  });
});
