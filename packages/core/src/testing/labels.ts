import type { z } from "zod";
import { labelOf, wrapped } from "../schemas/fields.js";

export { labelOf };

/*
 * The label test's walker: every field of an input schema, its label, and every message it can
 * give, so one test per surface (core's schemas, the API's procedures) can hold each message to
 * the person's words. It reads zod's definitions (`_zod.def`), the one way to see a schema's parts.
 */

/** A field of an input schema: where it sits, the key it is sent under and the label a person sees (undefined: none). */
export interface InputField {
  readonly path: string;
  readonly key: string;
  readonly label: string | undefined;
  /** The labels of the field's siblings: a message about this field may name them ("Min price must not exceed max price"). */
  readonly siblings: readonly { key: string; label: string | undefined }[];
  readonly schema: z.ZodType;
  /** Whether the field tags a union's member (`type: "ship"`): a value no one types, which needs no label. */
  readonly tag: boolean;
}

/** A message, where it comes from, and the field it speaks about (null: the whole input). */
export interface FieldMessage {
  readonly message: string;
  readonly field: InputField | null;
  readonly source: string;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: readonly { _zod: { def: { error?: (issue: unknown) => unknown } } }[];
  error?: (issue: unknown) => unknown;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every schema node under `schema` that is not inside a nested object's field (those are fields of their own). */
function nodes(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  const children = [...wrapped(schema), ...(def.element ? [def.element] : []), ...(def.options ?? []), ...(def.left ? [def.left, def.right!] : [])];
  return [schema, ...children.flatMap((child) => (defOf(child).type === "object" ? [child] : nodes(child)))];
}

/** The messages a schema node declares: its type error and each check's (`.min`, `.refine`), as written in the schema. */
function declared(schema: z.ZodType): string[] {
  const def = defOf(schema);
  const issue = { code: "custom", input: undefined, path: [] };
  return [def.error, ...(def.checks ?? []).map((check) => check._zod.def.error)]
    .map((error) => error?.(issue))
    .filter((message): message is string => typeof message === "string");
}

/** Every field of `schema`, nested objects (an address in an order, a variant in a product) and union members included. */
export function inputFields(schema: z.ZodType, prefix = ""): InputField[] {
  return nodes(schema).flatMap((node) => {
    const shape = defOf(node).shape;
    if (!shape) return [];
    const siblings = Object.entries(shape).map(([key, field]) => ({ key, label: labelOf(field) }));
    return Object.entries(shape).flatMap(([key, field]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const tag = defOf(field).type === "literal";
      return [{ path, key, label: labelOf(field), siblings, schema: field, tag }, ...inputFields(field, path)];
    });
  });
}

/** Values a person (or a careless client) might send that a field refuses: missing, wrong types, empty, too long, out of range. */
const BAD_VALUES: readonly unknown[] = [undefined, null, "", "   ", "x", "not valid at all", "x".repeat(6000), -1, 0, 1.5, 1e13, -1e13, true, {}, [], [{}], ["x"]];

/**
 * Every message `schema` can give: those its fields and the input itself declare, and those a parse
 * of bad values gives (zod's own, and messages built while parsing), each with the field it is about.
 */
export function inputMessages(schema: z.ZodType): FieldMessage[] {
  const fields = inputFields(schema);
  const own = nodes(schema).flatMap((node) => declared(node).map((message) => ({ message, field: null, source: "the input" })));
  const ofFields = fields.flatMap((field) => [
    ...nodes(field.schema).flatMap((node) => declared(node).map((message) => ({ message, field, source: `${field.path} (declared)` }))),
    // A union member's tag is picked by a button, not typed: a wrong one is the union's message.
    ...(field.tag ? [] : BAD_VALUES).flatMap((value) => {
      const result = field.schema.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => ({ message: issue.message, field, source: `${field.path} = ${JSON.stringify(value)?.slice(0, 20)}` }));
    }),
  ]);
  const parsed = BAD_VALUES.flatMap((value) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => ({ message: issue.message, field: null, source: `input = ${JSON.stringify(value)?.slice(0, 20)}` }));
  });
  return [...own, ...ofFields, ...parsed];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What in `message` is an internal name rather than a person's word: a camelCase or snake_case
 * identifier, a `Minor` or `Bp` suffix, a field's key where its label says something else
 * (`line1` for "Address line 1"), or a key the message starts with, as a sentence never does
 * ("delta must not be zero"). A key that is a plain word ("lines") may appear inside the
 * sentence. The labels are taken out first ("PIN code" may hold anything). `keys` are the keys
 * the message may be about, with their labels.
 */
export function internalNames(message: string, keys: readonly { key: string; label: string | undefined }[]): string[] {
  const labels = keys.flatMap((k) => (k.label ? [k.label] : [])).sort((a, b) => b.length - a.length);
  const words = labels.reduce((rest, label) => rest.replace(new RegExp(`(?<![A-Za-z0-9])${escape(label)}(?![A-Za-z0-9])`, "gi"), " "), message);
  const found = [
    ...(words.match(/\b[a-z]+[A-Z][A-Za-z0-9]*\b/g) ?? []),
    ...(words.match(/\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/g) ?? []),
    ...(words.match(/\b[A-Za-z]*(?:Minor|Bp)\b/g) ?? []),
  ];
  for (const { key, label } of keys) {
    const spelledOut = label !== undefined && label.toLowerCase().includes(key.toLowerCase());
    const identifier = /[^a-z]/.test(key);
    const named = new RegExp(`${identifier ? "(^|[^A-Za-z0-9])" : "^\\s*"}${escape(key)}($|[^A-Za-z0-9])`).test(words);
    if (!spelledOut && named) found.push(key);
  }
  return [...new Set(found)];
}

/** Why a field's label is not one a person could read, or null when it is: missing, or an identifier rather than words. */
export function labelProblem(field: InputField): string | null {
  if (field.tag) return null;
  if (field.label === undefined) return `${field.path} has no label: wrap it in labelled(schema, "Its label") or give its builder one`;
  if (!/^[A-Z0-9₹%]/.test(field.label)) return `${field.path}'s label "${field.label}" must start with a capital, as a person reads it`;
  const names = internalNames(field.label, []);
  return names.length > 0 ? `${field.path}'s label "${field.label}" reads as an identifier (${names.join(", ")})` : null;
}

/**
 * Every way `schema` speaks in internal names: fields without a label, and messages that name a
 * field by its key or another identifier. Empty when every message is in the person's words.
 */
export function labelFaults(name: string, schema: z.ZodType): string[] {
  const fields = inputFields(schema);
  const unlabelled = fields.flatMap((field) => labelProblem(field) ?? []).map((problem) => `${name}: ${problem}`);
  const everyKey = fields.map(({ key, label }) => ({ key, label }));
  const wrong = inputMessages(schema).flatMap(({ message, field, source }) => {
    const keys = field ? [{ key: field.key, label: field.label }, ...field.siblings] : everyKey;
    const names = internalNames(message, keys);
    return names.length > 0 ? [`${name}: ${source}: "${message}" names ${names.join(", ")}`] : [];
  });
  // One line per message and field, however many bad values gave it.
  const once = new Map(wrong.map((fault) => [fault.replace(/ = [^:]*: /, ": "), fault]));
  return [...new Set([...unlabelled, ...once.values()])];
}
