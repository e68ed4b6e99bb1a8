import type { BsonSchema } from "./validators.js";

/**
 * The BSON type of a value as the server sees it. Documents read with `promoteValues: false` keep
 * their wrappers (`Int32`, `Double`, `Long`); a plain JavaScript number is typed as the driver
 * would write it (`int` within 32 bits when integral, else `double`).
 */
function bsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? "int" : "double";
  if (value instanceof Date) return "date";
  if (Array.isArray(value)) return "array";
  const tag = (value as { _bsontype?: string })._bsontype;
  const wrapped: Record<string, string> = { Int32: "int", Double: "double", Long: "long", ObjectId: "objectId", Binary: "binData" };
  if (tag) return wrapped[tag] ?? tag;
  return "object";
}

const numeric = (value: unknown): number | null => {
  if (typeof value === "number") return value;
  const tag = (value as { _bsontype?: string } | null)?._bsontype;
  if (tag === "Int32" || tag === "Double") return (value as { value: number }).value;
  if (tag === "Long") return (value as { toNumber(): number }).toNumber();
  return null;
};

/**
 * Checks a document against the subset of `$jsonSchema` the validators use, as MongoDB would:
 * for tests on a lane whose server enforces no validator (the jongodb emulator). Returns every
 * violation as `path: reason`; empty when the server would accept the document.
 */
export function bsonSchemaViolations(schema: BsonSchema, value: unknown, path = "$"): string[] {
  const type = bsonTypeOf(value);
  if (schema.bsonType && ![schema.bsonType].flat().includes(type)) return [`${path}: ${type} is not ${[schema.bsonType].flat().join("|")}`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  const number = numeric(value);
  if (number !== null) {
    if (schema.minimum !== undefined && number < schema.minimum) errors.push(`${path}: ${number} < ${schema.minimum}`);
    if (schema.maximum !== undefined && number > schema.maximum) errors.push(`${path}: ${number} > ${schema.maximum}`);
    if (schema.multipleOf !== undefined && number % schema.multipleOf !== 0) errors.push(`${path}: ${number} is not a multiple of ${schema.multipleOf}`);
  }
  if (type === "array" && schema.items) {
    (value as unknown[]).forEach((item, index) => errors.push(...bsonSchemaViolations(schema.items as BsonSchema, item, `${path}[${index}]`)));
  }
  if (type === "object") {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in record)) errors.push(`${path}.${name}: required`);
    for (const [name, field] of Object.entries(record)) {
      const property = schema.properties?.[name];
      if (property) errors.push(...bsonSchemaViolations(property, field, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${name}: not declared`);
    }
  }
  return errors;
}
