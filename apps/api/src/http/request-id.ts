import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Keeps a caller's (or load balancer's) `x-request-id` when it is a plain token, so one id follows a
 * request across services; otherwise mints one. Either way the response carries it back.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && acceptable.test(incoming) ? incoming : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}
