import type { Express, Request, RequestHandler } from "express";
import type { Logger } from "../logger.js";
import { requestId } from "./request-id.js";

declare module "http" {
  interface IncomingMessage {
    /** This request's id: the caller's `x-request-id` when it is a plain token, else a fresh one. */
    id: string;
    /** A logger whose every line names this request (`req`: id, method, url, client address). */
    log: Logger;
  }
}

/** What a log line says about its request: enough to find it; headers stay out (cost, and secrets). */
const requestFields = (req: Request) => ({ id: req.id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress });

/**
 * One access-log line per request, written when its response is done (or cut off), at `info`,
 * `warn` for 4xx and aborted answers, `error` for 5xx — and `req.log`, a logger bound to the request.
 *
 * `req.log` is made on first use (decision 149): a pino child serialises its bindings when it is
 * created, and most requests (a cached catalog page, a static file) never log anything but their
 * access line, which is written from the shop's logger with the same fields. Making a child and two
 * listeners for every request was a third of a cached catalog answer's CPU.
 */
export function accessLog(app: Express, log: Logger): RequestHandler {
  Object.defineProperty(app.request, "log", {
    configurable: true,
    get(this: Request) {
      const child = log.child({ req: requestFields(this) });
      Object.defineProperty(this, "log", { value: child, configurable: true, writable: true });
      return child;
    },
  });
  // The access line holds only the fields above, none of them a secret: redaction (pino walks every
  // wildcard path of `redactedPaths` through each line) would triple the line's cost for nothing.
  const lines = log.child({}, { redact: { paths: [] } });
  return (req, res, next) => {
    const started = Date.now();
    req.id = requestId(req, res);
    res.once("close", () => {
      const fields = { req: requestFields(req), res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      if (!res.writableFinished) lines.warn(fields, "request aborted");
      else if (res.statusCode >= 500) lines.error(fields, "request errored");
      else if (res.statusCode >= 400) lines.warn(fields, "request completed");
      else lines.info(fields, "request completed");
    });
    next();
  };
}
