import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Node = { $ref?: string } & Record<string, unknown>;

/** A JSON pointer segment (RFC 6901) inside a URI fragment: `/orders/{orderId}`, `application/problem+json`. */
const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1")).replace(/%2B/g, "+");

/**
 * Checks response bodies against the document's own response schemas, as a client generated from
 * it would expect them. Throws naming the operation and the mismatches.
 */
export function responseChecker(document: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi" });
  const paths = (document as { paths: Record<string, Record<string, { responses: Record<string, Node> }>> }).paths;

  return (templatePath: string, method: string, status: number, body: unknown, contentType = "application/json") => {
    const declared = paths[templatePath]?.[method.toLowerCase()]?.responses[String(status)];
    if (!declared) throw new Error(`${method} ${templatePath} documents no ${status} response`);
    // Shared responses are components; their pointer is where the schema really lives.
    const responsePointer = declared.$ref ?? `#/paths/${escape(templatePath)}/${method.toLowerCase()}/responses/${status}`;
    const validate = ajv.getSchema(`openapi${responsePointer}/content/${escape(contentType)}/schema`);
    if (!validate) throw new Error(`${method} ${templatePath} ${status} documents no ${contentType} body`);
    if (!validate(body)) throw new Error(`${method} ${templatePath} ${status} does not match the document: ${ajv.errorsText(validate.errors)}`);
  };
}
