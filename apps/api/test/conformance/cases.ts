import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { createGeneratorSync } from "json-schema-faker";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
type Schema = Json;

interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  required?: boolean;
  schema: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { headers?: Record<string, { required?: boolean }> }>;
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One request the suite sends: everything needed to repeat it by hand. */
export interface Case {
  /** `POST /orders`, as the document names the operation. */
  operation: string;
  method: string;
  template: string;
  /** The concrete path, parameters filled in and encoded, with its query string. */
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Whether the document allows the request; an invalid one must never be answered 2xx. */
  valid: boolean;
  /** For an invalid case, what was broken. */
  broken?: string;
}

/** The whole request as one JSON instance, so one schema checks path, query, headers and body together. */
interface Instance {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body?: unknown;
}

/** Real ids from the running store (a product's variant, the shopper's order and address…), by field name. */
export type Fixtures = Record<string, string>;

/** `{ $ref: "#/components/schemas/X" }` replaced by X, so a schema stands alone for the generator and the validator. */
function dereference(node: unknown, document: Document, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => dereference(item, document, seen));
  if (!node || typeof node !== "object") return node;
  const object = node as Json;
  if (typeof object.$ref === "string" && object.$ref.startsWith("#/components/schemas/") && !seen.includes(object.$ref)) {
    const name = object.$ref.slice("#/components/schemas/".length);
    const { $ref: _ref, ...rest } = object;
    return dereference({ ...document.components?.schemas?.[name], ...rest }, document, [...seen, object.$ref]);
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, dereference(value, document, seen)]));
}

/** The schema of a whole request to `operation`: what the document allows, in one JSON Schema. */
function requestSchema(operation: Operation, document: Document): Schema {
  const part = (where: Parameter["in"]) => {
    const parameters = (operation.parameters ?? []).filter((p) => p.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(parameters.map((p) => [p.name, dereference(p.schema, document)])),
      required: parameters.filter((p) => p.required || where === "path").map((p) => p.name),
    };
  };
  const body = operation.requestBody?.content["application/json"]?.schema;
  return {
    type: "object",
    properties: { path: part("path"), query: part("query"), header: part("header"), ...(body ? { body: dereference(body, document) } : {}) },
    required: ["path", "query", "header", ...(body && operation.requestBody?.required ? ["body"] : [])],
  };
}

/** Values that break a field of type `schema`: each is invalid for some keyword the schema uses. */
function breakers(schema: Schema): { value: unknown; why: string }[] {
  const out: { value: unknown; why: string }[] = [];
  const types = [schema.type].flat().filter(Boolean);
  if (!types.includes("number") && !types.includes("integer")) out.push({ value: 12345, why: "a number where text is due" });
  if (!types.includes("string")) out.push({ value: "not-a-number", why: "text where a number or object is due" });
  out.push({ value: { nested: [true] }, why: "an object" });
  if (typeof schema.maxLength === "number") out.push({ value: "😀".repeat(schema.maxLength + 1), why: `${schema.maxLength + 1} emoji, past maxLength` });
  if (typeof schema.minLength === "number" && schema.minLength > 0) out.push({ value: "", why: "empty, under minLength" });
  if (typeof schema.maximum === "number") out.push({ value: schema.maximum + 1, why: "past maximum" });
  if (typeof schema.minimum === "number") out.push({ value: schema.minimum - 1, why: "under minimum" });
  if (types.includes("integer")) out.push({ value: 1.5, why: "a fraction where a whole number is due" });
  if (Array.isArray(schema.enum)) out.push({ value: "not_one_of_them", why: "outside the enum" });
  if (typeof schema.pattern === "string" || typeof schema.format === "string") out.push({ value: "~ not valid ~", why: "against the pattern or format" });
  out.push({ value: null, why: "null" });
  return out;
}

/** The leaf schemas an instance's fields are checked by: `[path to the field, its schema]`. */
function fieldsOf(schema: Schema, at: string[] = []): [string[], Schema][] {
  const variants = [...((schema.anyOf as Schema[] | undefined) ?? []), ...((schema.oneOf as Schema[] | undefined) ?? [])].filter((s) => s.type !== "null");
  if (schema.type === "object" || schema.properties) {
    return Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {}).flatMap(([name, child]) => fieldsOf(child, [...at, name]));
  }
  if (variants.length === 1) return [[at, { ...variants[0] }], ...fieldsOf(variants[0]!, at).filter(([path]) => path.length > at.length)];
  return at.length > 0 ? [[at, schema]] : [];
}

const setIn = (target: unknown, path: readonly string[], value: unknown): void => {
  let node = target as Json;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Json;
  }
  node[path.at(-1)!] = value;
};

const deleteIn = (target: unknown, path: readonly string[]): void => {
  let node = target as Json | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Json | undefined;
  if (node) delete node[path.at(-1)!];
};

/** Query strings carry text: how a client writes a generated value there. */
const queryText = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value));

/** The JSON types a schema allows, looking into `anyOf`. */
const typesOf = (schema: Schema | undefined): string[] =>
  [schema?.type, ...((schema?.anyOf as Schema[] | undefined) ?? []).map((s) => s.type)].flat().filter((t): t is string => typeof t === "string");

/**
 * The instance as the server reads it back: path, query and header values are text, and a text is
 * a number or a boolean only where the field's schema says so (as the adapter converts them).
 */
function asSent(instance: Instance, schema: Schema): Instance {
  const sent = structuredClone(instance);
  for (const where of ["path", "query", "header"] as const) {
    const properties = ((schema.properties as Record<string, Schema>)[where]!.properties ?? {}) as Record<string, Schema>;
    for (const [key, value] of Object.entries(sent[where] ?? {})) {
      const text = queryText(value);
      const types = typesOf(properties[key]);
      if (text === undefined) delete sent[where][key];
      else if ((types.includes("number") || types.includes("integer")) && /^-?\d+(\.\d+)?$/.test(text)) sent[where][key] = Number(text);
      else if (types.includes("boolean") && (text === "true" || text === "false")) sent[where][key] = text === "true";
      else sent[where][key] = text;
    }
  }
  return sent;
}

/**
 * Requests for every operation of a served OpenAPI document: valid ones generated from its schemas
 * (json-schema-faker, seeded), with real fixture ids where a field is named like one, and invalid
 * ones made from valid ones by breaking a single field or dropping a required one, each checked
 * against the document (Ajv 2020-12) so a "valid" case is valid and an "invalid" one is not.
 * Operations added later are covered because the cases come from the document alone.
 */
export function casesFor(document: Document, options: { seed: number; perOperation: number; fixtures: Fixtures }): Case[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  const generator = createGeneratorSync({ seed: options.seed, optionalsProbability: 0.5, maxDefaultItems: 3 });
  let state = options.seed >>> 0;
  // A small seeded generator of our own for choices (which fixture, which field to break).
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const cases: Case[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${template}`;
      const schema = requestSchema(operation, document);
      const validate: ValidateFunction = ajv.compile(schema);
      const fields = fieldsOf(schema);

      /** A generated request the document allows, fixture ids filled in where they keep it valid. */
      const validInstance = (): Instance | null => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const instance = generator.generate(schema) as Instance;
          for (const [path] of fields) {
            const fixture = options.fixtures[path.at(-1)!];
            if (fixture === undefined || random() < 0.15) continue;
            const copy = structuredClone(instance);
            setIn(copy, path, fixture);
            if (validate(asSent(copy, schema))) Object.assign(instance, copy);
          }
          if (validate(asSent(instance, schema))) return instance;
        }
        return null;
      };

      const toCase = (instance: Instance, valid: boolean, broken?: string): Case => {
        const path = template.replace(/\{(\w+)\}/g, (_m, key: string) => encodeURIComponent(queryText(instance.path[key]) ?? ""));
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(instance.query ?? {})) {
          const text = queryText(value);
          if (text !== undefined) query.set(key, text);
        }
        const headers = Object.fromEntries(Object.entries(instance.header ?? {}).flatMap(([key, value]) => (queryText(value) === undefined ? [] : [[key, queryText(value)!]])));
        const search = query.toString();
        return { operation: name, method: method.toUpperCase(), template, url: `${path}${search ? `?${search}` : ""}`, headers, body: instance.body, valid, ...(broken ? { broken } : {}) };
      };

      for (let index = 0; index < options.perOperation; index++) {
        const instance = validInstance();
        if (!instance) continue;
        if (index % 2 === 0) {
          cases.push(toCase(instance, true));
          continue;
        }
        // Break one field (or drop a required one) so that the document refuses the request.
        for (let attempt = 0; attempt < 10 && fields.length > 0; attempt++) {
          const [path, field] = pick(fields);
          const copy = structuredClone(instance);
          const breaker = random() < 0.2 ? { value: undefined, why: "left out" } : pick(breakers(field));
          if (breaker.value === undefined) deleteIn(copy, path);
          else setIn(copy, path, breaker.value);
          // Path, query and header values travel as text: a value that reads back valid is no break.
          if (validate(asSent(copy, schema))) continue;
          cases.push(toCase(copy, false, `${path.join(".")}: ${breaker.why}`));
          break;
        }
      }
    }
  }
  return cases;
}
