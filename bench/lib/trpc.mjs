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
    /** tRPC's error data (`code`, `httpStatus`, and the API's `reason`/`field` where it names them). */
    this.data = body?.error?.json?.data ?? null;
  }
}

async function decode(procedure, response) {
  const text = await response.text();
  const body = JSON.parse(text);
  if (!response.ok || !body.result) throw new TrpcError(procedure, response.status, body);
  return { data: superjson.deserialize(body.result.data), bytes: Buffer.byteLength(text), headers: response.headers };
}

/**
 * Who calls (`token`, optional) and when to give up: `signal` (optional) aborts a call that hangs,
 * e.g. `AbortSignal.timeout(ms)` while a server is being killed.
 * @typedef {{ token?: string | null; signal?: AbortSignal }} CallOptions
 */

/**
 * @param {string} baseUrl
 * @param {string} procedure
 * @param {unknown} input
 * @param {CallOptions} [options]
 */
export async function query(baseUrl, procedure, input, { token, signal } = {}) {
  /** @type {Record<string, string>} */
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  return decode(procedure, await fetch(baseUrl + queryPath(procedure, input), { headers, signal }));
}

/**
 * @param {string} baseUrl
 * @param {string} procedure
 * @param {unknown} input
 * @param {CallOptions} [options]
 */
export async function mutate(baseUrl, procedure, input, { token, signal } = {}) {
  const headers = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return decode(procedure, await fetch(`${baseUrl}/trpc/${procedure}`, { method: "POST", headers, body: mutationBody(input), signal }));
}
