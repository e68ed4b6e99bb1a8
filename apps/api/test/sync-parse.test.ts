import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCallerFactory, publicProcedure, router } from "../src/trpc/init.js";
import { appRouter } from "../src/trpc/root.js";
import { parsesSyncFirst, syncFirst } from "../src/trpc/sync-parse.js";

/*
 * Decision 161: procedures parse their input and output sync-first. What must hold: the same values
 * and the same errors as zod's async parse, async checks still honoured, and every procedure of the
 * app built that way (a builder made outside our own would parse async again, silently).
 */

const rejection = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("syncFirst", () => {
  const order = z.object({
    quantity: z.number().int().min(1),
    note: z.string().trim().max(5).default(""),
    tags: z.array(z.string()).optional(),
  });

  it("gives the value and the error zod's async parse gives", async () => {
    const reference = order.clone();
    syncFirst(order);
    for (const input of [{ quantity: 2 }, { quantity: 2, note: "  hi  ", tags: ["a"] }, { quantity: 0, note: "toolong" }, { quantity: "2" }, null]) {
      const expected = await rejection(reference.parseAsync(input).then((value) => ({ value })));
      const actual = await rejection(order.parseAsync(input).then((value) => ({ value })));
      if (expected instanceof z.ZodError) {
        expect(actual).toBeInstanceOf(z.ZodError);
        expect((actual as z.ZodError).issues).toEqual(expected.issues);
      } else {
        expect(await order.parseAsync(input)).toEqual(await reference.parseAsync(input));
      }
    }
  });

  it("still runs an async check, through zod's async parse from the schema's second parse on", async () => {
    const checked: string[] = [];
    const unique = syncFirst(
      z.string().refine((name) => {
        checked.push(name);
        return Promise.resolve(name !== "taken");
      }, "taken already"),
    );
    await expect(unique.parseAsync("first")).resolves.toBe("first");
    // The sync attempt called the check before zod met its promise: once more, on the first parse only.
    expect(checked).toEqual(["first", "first"]);
    await expect(unique.parseAsync("free")).resolves.toBe("free");
    await expect(unique.parseAsync("taken")).rejects.toThrow("taken already");
    expect(checked).toEqual(["first", "first", "free", "taken"]);
  });

  it("wraps a schema once, however often it is handed over", () => {
    const schema = z.string();
    const once = Object.getOwnPropertyDescriptor(syncFirst(schema), "parseAsync")?.value as unknown;
    expect(once).toBeTypeOf("function");
    expect(Object.getOwnPropertyDescriptor(syncFirst(schema), "parseAsync")?.value).toBe(once);
    expect(syncFirst("not a schema")).toBe("not a schema");
  });
});

describe("procedures built from our builders", () => {
  it("parse every input sync-first, and the outputs of the builders they come from", () => {
    // tRPC keeps a procedure's inputs, not its output schema: outputs are checked on the builders.
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>);
    const inputs = procedures.flatMap(([path, { _def }]) => _def.inputs.map((schema) => ({ path, schema })));
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.filter(({ schema }) => !parsesSyncFirst(schema)).map(({ path }) => path)).toEqual([]);
    const output = z.object({ id: z.string() });
    publicProcedure.output(output).query(() => ({ id: "x" }));
    expect(parsesSyncFirst(output)).toBe(true);
  });

  it("answer a bad input with the field named, and keep an async output check", async () => {
    const slugs = ["kurta"];
    const test = router({
      rename: publicProcedure
        .input(z.object({ slug: z.string().min(2) }))
        .output(z.object({ slug: z.string().refine((slug) => Promise.resolve(!slugs.includes(slug)), "slug in use") }))
        .mutation(({ input }) => ({ slug: input.slug })),
    });
    const caller = createCallerFactory(test)({} as never);
    await expect(caller.rename({ slug: "saree" })).resolves.toEqual({ slug: "saree" });
    const tooShort = await rejection(caller.rename({ slug: "s" }));
    expect(tooShort).toBeInstanceOf(TRPCError);
    expect((tooShort as TRPCError).code).toBe("BAD_REQUEST");
    expect(((tooShort as TRPCError).cause as z.ZodError).issues[0]?.path).toEqual(["slug"]);
    const inUse = await rejection(caller.rename({ slug: "kurta" }));
    expect((inUse as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect(((inUse as TRPCError).cause as Error).message).toContain("slug in use");
  });
});
