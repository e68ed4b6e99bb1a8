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
 * instance, which nothing in the web app relies on. Inputs keep plain superjson (they are small).
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

/** Throws `notPlain` as soon as a value needs superjson; otherwise records Date/undefined paths. */
function walk(value: unknown, path: string[], annotations: Annotations): void {
  switch (typeof value) {
    case "string":
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw notPlain;
      return;
    case "undefined":
      annotations[path.join(".")] = ["undefined"];
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
    annotations[path.join(".")] = ["Date"];
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
    path.push(escapeKey(key));
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

export const transformer = {
  input: superjson,
  output: { serialize: serializeOutput, deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload) },
};
