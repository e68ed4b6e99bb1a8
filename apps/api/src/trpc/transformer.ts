import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

/**
 * The wire format between the API and the web app is superjson's, but serialising a response
 * with superjson walks every node and builds a path string for each one: on a catalog page
 * (20 products with their variants) that was a fifth of the API's CPU. Our responses are plain
 * data — objects, arrays, strings, numbers, booleans, null, `Date` and `undefined` — so outputs
 * take this fast path: one walk that only notes where the `Date`s and `undefined`s are, in
 * superjson's own annotation format, and leaves the values in place (`JSON.stringify` writes a
 * `Date` as the same ISO string superjson would). Anything else (Map, Set, BigInt, class
 * instances, NaN, -0, cycles…) goes to `superjson.serialize` unchanged.
 *
 * The client deserialises both with `superjson.deserialize`; the one difference is that an
 * object appearing twice in a response arrives as two equal copies rather than one shared
 * instance, which nothing in the web app relies on. Inputs are checked by `deserializeInput`
 * before superjson reads them.
 */

type Annotations = Record<string, ["Date"] | ["undefined"]>;

/** Deeper than any response of ours; past it the value may be cyclic, and superjson handles that. */
const MAX_DEPTH = 64;

const escapeKey = (key: string): string => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

/** Thrown (once made, never with a stack) to leave the walk as soon as superjson is needed. */
const notPlain = new Error("not plain data");

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** superjson's path of a node: its keys (object keys and array indexes, as walked) escaped and joined by dots. */
const pathOf = (keys: readonly string[]): string => keys.map(escapeKey).join(".");

/**
 * Throws `notPlain` as soon as a value needs superjson; otherwise records Date/undefined paths. The
 * walk keeps the keys as they are and escapes them only for a node it records: most answers record
 * none, and escaping every key on the way (two scans of each) was a third of the walk.
 */
function walk(value: unknown, path: string[], annotations: Annotations): void {
  switch (typeof value) {
    case "string":
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw notPlain;
      return;
    case "undefined":
      annotations[pathOf(path)] = ["undefined"];
      return;
    case "object":
      break;
    default:
      throw notPlain;
  }
  if (value === null) return;
  if (path.length > MAX_DEPTH) throw notPlain;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw notPlain;
    annotations[pathOf(path)] = ["Date"];
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) throw notPlain;
      path.push(String(index));
      walk(value[index], path, annotations);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value)) throw notPlain;
  for (const key in value) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw notPlain;
    path.push(key);
    walk((value as Record<string, unknown>)[key], path, annotations);
    path.pop();
  }
}

/**
 * `superjson.serialize`'s result, except that `json` may still hold `Date`s (and `undefined`
 * object fields): `JSON.stringify` writes those exactly as superjson's text would read.
 */
export interface SerializedOutput {
  json: unknown;
  meta?: SuperJSONResult["meta"];
}

/** `superjson.serialize`'s result for plain data, computed in one light walk. */
export function serializeOutput(value: unknown): SerializedOutput {
  if (value === undefined) return { json: null, meta: { values: ["undefined"], v: 1 } };
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { json: value, meta: { values: ["Date"], v: 1 } };
  const annotations: Annotations = {};
  try {
    walk(value, [], annotations);
  } catch (error) {
    if (error === notPlain) return superjson.serialize(value);
    throw error;
  }
  return (Object.keys(annotations).length > 0 ? { json: value, meta: { values: annotations, v: 1 } } : { json: value });
}

/** What an input's `meta` may say: the types our procedures' inputs carry; anything else is refused. */
const INPUT_TYPES = new Set(["undefined", "Date"]);
/** Far beyond any form of ours; bounds the work a hostile `meta` can ask for. */
const MAX_META_NODES = 2_000;
const MAX_META_DEPTH = 32;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const badInput = (reason: string) => new TRPCError({ code: "BAD_REQUEST", message: `The input is not valid superjson: ${reason}` });

/**
 * Why superjson's `meta` may not be read, or null: `values` is a tree of `[type]`, `[type, children]`
 * or `children` records; every type must be one of {@link INPUT_TYPES}; `referentialEqualities`
 * holds only path strings. Walked with an explicit stack under node and depth caps, so any tree is
 * judged in bounded time and without recursion (superjson's own walk overflowed the stack on
 * unknown type names).
 */
function metaProblem(meta: unknown): string | null {
  if (meta === undefined) return null;
  if (!isRecord(meta)) return "meta must be an object";
  const stack: { node: unknown; depth: number; kind: "values" | "paths" }[] = [];
  if (meta.values !== undefined) stack.push({ node: meta.values, depth: 0, kind: "values" });
  if (meta.referentialEqualities !== undefined) stack.push({ node: meta.referentialEqualities, depth: 0, kind: "paths" });
  for (let nodes = 0; stack.length > 0; nodes++) {
    if (nodes > MAX_META_NODES) return `meta has more than ${MAX_META_NODES} entries`;
    const { node, depth, kind } = stack.pop()!;
    if (depth > MAX_META_DEPTH) return `meta is nested deeper than ${MAX_META_DEPTH} levels`;
    if (kind === "paths" && typeof node === "string") continue;
    if (Array.isArray(node)) {
      if (kind === "values") {
        const [type, children, ...rest] = node as unknown[];
        if (typeof type !== "string" || !INPUT_TYPES.has(type) || rest.length > 0) {
          return `unsupported type ${JSON.stringify(type)?.slice(0, 40) ?? "undefined"}`;
        }
        if (children !== undefined) stack.push({ node: children, depth: depth + 1, kind });
      } else {
        for (const item of node as unknown[]) stack.push({ node: item, depth: depth + 1, kind });
      }
      continue;
    }
    if (!isRecord(node)) return "meta holds a value of the wrong kind";
    for (const key in node) stack.push({ node: node[key], depth: depth + 1, kind });
  }
  return null;
}

/**
 * superjson's `deserialize` for inputs, behind a check: the payload must be `{ json, meta? }` with a
 * `meta` {@link metaProblem} accepts; anything else is a 400 with a plain message rather than an
 * internal JavaScript error, and whatever superjson still throws becomes one too.
 */
export function deserializeInput(payload: unknown): unknown {
  if (!isRecord(payload) || !("json" in payload)) throw badInput("expected an object with a json field");
  const problem = metaProblem(payload.meta);
  if (problem) throw badInput(problem);
  try {
    return superjson.deserialize(payload as unknown as SuperJSONResult);
  } catch {
    throw badInput("meta does not match json");
  }
}

export const transformer = {
  input: { serialize: (value: unknown) => superjson.serialize(value), deserialize: deserializeInput },
  output: { serialize: serializeOutput, deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload) },
};
