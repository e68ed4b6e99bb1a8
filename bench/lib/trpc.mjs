/**
 * tRPC over HTTP exactly as the web client speaks it (superjson, no batching), for the bench's
 * set-up calls. superjson is resolved from the API workspace so both sides use the same copy.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./paths.mjs";

const requireFromApi = createRequire(path.join(repoRoot, "apps/api/package.json"));
export const superjson = requireFromApi("superjson").default ?? requireFromApi("superjson");

/** `GET /trpc/<path>?input=…` — the exact URL a query uses, so load tools can replay it. */
export function queryPath(procedure, input) {
  return input === undefined ? `/trpc/${procedure}` : `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** The body a mutation posts. */
export const mutationBody = (input) => JSON.stringify(superjson.serialize(input));

export class TrpcError extends Error {
  constructor(procedure, status, body) {
    super(`${procedure} → HTTP ${status}: ${body?.error?.json?.message ?? JSON.stringify(body).slice(0, 300)}`);
    this.status = status;
  }
}

async function decode(procedure, response) {
  const text = await response.text();
  const body = JSON.parse(text);
  if (!response.ok || !body.result) throw new TrpcError(procedure, response.status, body);
  return { data: superjson.deserialize(body.result.data), bytes: Buffer.byteLength(text), headers: response.headers };
}

export async function query(baseUrl, procedure, input, { token } = {}) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  return decode(procedure, await fetch(baseUrl + queryPath(procedure, input), { headers }));
}

export async function mutate(baseUrl, procedure, input, { token } = {}) {
  const headers = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return decode(procedure, await fetch(`${baseUrl}/trpc/${procedure}`, { method: "POST", headers, body: mutationBody(input) }));
}
