import { z } from "zod";

/*
 * tRPC validates a procedure's input and output with the parser's `parseAsync` whenever it has one
 * (`getParseFn`, bound when `.input()`/`.output()` is called). Zod's async parse costs several times
 * its sync parse — it runs every level in async mode — ~72 µs against ~12 µs for a catalog page's
 * output (decision 161). None of our schemas has an async check or transform, so every procedure
 * built from our builders parses synchronously first and falls back to zod's own async parse only
 * when zod meets a promise (it then throws `$ZodAsyncError` before any result): a schema that gains an
 * async refinement one day still validates. The value and the error (a `ZodError`) are what
 * `parseAsync` gives. The sync attempt that meets the promise has already called that async check
 * once, and its promise is dropped; the schema then parses async from its next use on, so a check is
 * called twice only on a schema's first parse in a process.
 */

const SYNC_FIRST = Symbol("bbscart.syncFirst");

type Parsing = z.ZodType & { [SYNC_FIRST]?: true };

/**
 * Makes `schema.parseAsync` try the sync parse first. The schema object itself is given the method
 * (not a copy), so registry entries keyed by it — the `.meta()` ids and descriptions the OpenAPI
 * document reads — still find it.
 */
export function syncFirst<T>(schema: T): T {
  if (!(schema instanceof z.ZodType)) return schema;
  const parsing = schema as Parsing;
  if (parsing[SYNC_FIRST]) return schema;
  const parseAsync = parsing.parseAsync.bind(parsing);
  let meetsPromises = false;
  Object.defineProperties(parsing, {
    parseAsync: {
      value: async (data: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>) => {
        if (meetsPromises) return parseAsync(data, params);
        try {
          return parsing.parse(data, params);
        } catch (error) {
          if (!(error instanceof z.core.$ZodAsyncError)) throw error;
          meetsPromises = true;
          return parseAsync(data, params);
        }
      },
    },
    [SYNC_FIRST]: { value: true },
  });
  return schema;
}

/** Whether `schema` was handed to tRPC by {@link syncParsing} (zod puts `parseAsync` on every instance itself). */
export const parsesSyncFirst = (schema: unknown): boolean => schema instanceof z.ZodType && (schema as Parsing)[SYNC_FIRST] === true;

const BUILDING = new Set(["meta", "use", "concat", "unstable_concat"]);

/**
 * `builder` with `.input()` and `.output()` handing tRPC sync-first schemas; every builder it
 * derives does the same, so one wrap where a procedure starts covers all procedures built from it.
 */
export function syncParsing<B extends object>(builder: B): B {
  return new Proxy(builder, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      if (property === "input" || property === "output") {
        return (parser: unknown) => syncParsing(value.call(target, syncFirst(parser)) as object);
      }
      if (BUILDING.has(property)) return (...args: unknown[]) => syncParsing(value.apply(target, args) as object);
      return value;
    },
  });
}
