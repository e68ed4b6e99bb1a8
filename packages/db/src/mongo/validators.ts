import type { Schema, SchemaType } from "mongoose";
import type { Models } from "./models/index.js";
import { COUNTERS_COLLECTION } from "./models/orders.js";

/** The subset of MongoDB's `$jsonSchema` the validators use. */
export interface BsonSchema {
  bsonType?: string | string[];
  required?: string[];
  properties?: Record<string, BsonSchema>;
  additionalProperties?: boolean;
  items?: BsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
}

/**
 * Every number the store keeps is an integer (money in minor units, counts, basis points). The driver
 * writes a JavaScript integer as BSON `int` when it fits 32 bits and as `double` beyond (a balance past
 * ₹2.1 crore in paise), never as `long`; so the type admits all three and `multipleOf: 1` with the
 * safe-integer bounds holds the value to an exact integer, as SQLite's `INTEGER` columns and
 * `Number.isSafeInteger` in the domain do.
 */
const INTEGER: BsonSchema = { bsonType: ["int", "long", "double"], multipleOf: 1, minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

const LEAF_TYPES: Readonly<Record<string, string>> = { String: "string", Date: "date", Boolean: "bool", ObjectId: "objectId", Buffer: "binData" };

interface SchemaTypeOptions {
  enum?: readonly unknown[];
  min?: unknown;
  max?: unknown;
}

/** A path of a mongoose schema, as mongoose exposes its nested schema and array element type. */
type PathType = SchemaType & { schema?: Schema; embeddedSchemaType?: SchemaType; options: SchemaTypeOptions };

function leaf(type: PathType, required: boolean): BsonSchema {
  if (type.instance === "Mixed") return {};
  const options = type.options;
  // Mongoose accepts null for any path it does not require, and stores it (a history entry's absent note).
  const nullable = !required;
  let schema: BsonSchema;
  if (type.instance === "Number") {
    schema = { ...INTEGER };
    if (typeof options.min === "number") schema.minimum = options.min;
    if (typeof options.max === "number") schema.maximum = options.max;
  } else if (type.instance === "Embedded" && type.schema) {
    schema = objectSchema(type.schema);
  } else if (type.instance === "Array") {
    const element = type.schema ? objectSchema(type.schema) : type.embeddedSchemaType ? leaf(type.embeddedSchemaType as PathType, true) : {};
    schema = { bsonType: "array", items: element };
  } else {
    const bsonType = LEAF_TYPES[type.instance];
    // A type without a mapping would otherwise go unchecked; fail at open instead.
    if (!bsonType) throw new Error(`no $jsonSchema type for mongoose type ${type.instance}`);
    schema = { bsonType };
  }
  if (options.enum) schema.enum = nullable ? [...options.enum, null] : [...options.enum];
  if (nullable) schema.bsonType = ["null", ...[schema.bsonType ?? []].flat()];
  return schema;
}

/**
 * The `$jsonSchema` of one mongoose schema: its paths with their types, `required` where mongoose
 * requires them, `enum` from core's `as const` lists, `min`/`max`, and no field the schema does not
 * declare (every schema is `strict: "throw"`). Dotted paths of plain nested objects become nested
 * objects.
 */
export function objectSchema(schema: Schema): BsonSchema {
  const root: BsonSchema = { bsonType: "object", properties: {}, additionalProperties: false };
  schema.eachPath((path, type) => {
    const parts = path.split(".");
    let parent = root;
    for (const part of parts.slice(0, -1)) {
      parent.properties ??= {};
      parent = parent.properties[part] ??= { bsonType: "object", properties: {}, additionalProperties: false };
    }
    const name = parts[parts.length - 1] as string;
    const required = (type as PathType & { isRequired?: boolean }).isRequired === true;
    (parent.properties ??= {})[name] = leaf(type as PathType, required);
    if (required) (parent.required ??= []).push(name);
  });
  return root;
}

/** The counters (order numbers, `{ _id: "order_number", value }`; GST series, `tax:<series>`; the catalog version, `catalog_content`) are written by the driver directly, not through a model. */
const counterSchema: BsonSchema = {
  bsonType: "object",
  required: ["_id", "value"],
  properties: { _id: { bsonType: "string" }, value: { ...INTEGER, minimum: 0 } },
  additionalProperties: false,
};

/**
 * The validator of every collection, by collection name, standing in for SQLite's CHECK constraints
 * (ADR 084): stock counters never negative and `available` (onHand − reserved) never negative, so
 * reserved ≤ on hand; integer money; enum fields only take their listed values.
 */
export function collectionValidators(models: Models): Record<string, { $jsonSchema: BsonSchema }> {
  const validators: Record<string, { $jsonSchema: BsonSchema }> = { [COUNTERS_COLLECTION]: { $jsonSchema: counterSchema } };
  for (const model of Object.values(models) as Models[keyof Models][]) {
    validators[model.collection.collectionName] = { $jsonSchema: objectSchema(model.schema) };
  }
  return validators;
}
