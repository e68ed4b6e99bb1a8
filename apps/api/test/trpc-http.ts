import superjson from "superjson";
import { appRouter } from "../src/trpc/root.js";

export interface CallResult {
  status: number;
  headers: Headers;
  /** The procedure's output, deserialised, when it succeeded. */
  data?: unknown;
  error?: { message: string; code: string; data: { code: string; httpStatus: number; fieldErrors: { path: string; message: string }[]; reason: string | null } };
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Send this exact body instead of serialising `input` (malformed-input tests). */
  rawBody?: string;
}

/** The procedure's kind, read from the router itself so tests never disagree with it. */
export function procedureType(path: string): "query" | "mutation" {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>)[path];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure._def.type;
}

/** Calls a tRPC procedure over real HTTP exactly as the web client does (superjson, no batching). */
export async function call(baseUrl: string, path: string, input?: unknown, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const serialised = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
  let response: Response;
  if (procedureType(path) === "query") {
    const query = serialised === undefined ? "" : `?input=${encodeURIComponent(serialised)}`;
    response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  } else {
    headers["content-type"] = "application/json";
    response = await fetch(`${baseUrl}/trpc/${path}`, { method: "POST", headers, body: options.rawBody ?? serialised ?? "" });
  }
  const body = (await response.json()) as { result?: { data: { json: unknown; meta?: unknown } }; error?: { json: CallResult["error"] } };
  if (body.result) {
    return { status: response.status, headers: response.headers, data: superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) };
  }
  return { status: response.status, headers: response.headers, error: body.error!.json! };
}

/** One result of a batch: the call's own HTTP status (from the error's data) and its output or error. */
export interface BatchItem {
  status: number;
  data?: unknown;
  error?: CallResult["error"];
}

/** POSTs one tRPC batch of mutations (`a,b,c?batch=1`), as an attacker's own client would. */
export async function batch(baseUrl: string, calls: readonly { path: string; input: unknown }[], options: CallOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = Object.fromEntries(calls.map((c, index) => [index, superjson.serialize(c.input)]));
  const response = await fetch(`${baseUrl}/trpc/${calls.map((c) => c.path).join(",")}?batch=1`, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await response.text();
  const parsed = JSON.parse(text) as unknown;
  const items = Array.isArray(parsed)
    ? (parsed as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: NonNullable<CallResult["error"]> } }[]).map(
        (item): BatchItem =>
          item.result ? { status: 200, data: superjson.deserialize(item.result.data) } : { status: item.error!.json.data.httpStatus, error: item.error!.json },
      )
    : null;
  return { status: response.status, headers: response.headers, body: parsed, items };
}
