import type { Response } from "express";

/** One failing input field, by its path in the request (`address.postalCode`). */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document, with the request id and field errors this API adds. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string | null;
  code: string;
  errors: FieldError[];
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** The shape the tRPC errorFormatter (trpc/init.ts) gives every error: the one mapping, reused here. */
export interface FormattedError {
  message: string;
  data: { code: string; httpStatus: number; requestId: string | null; fieldErrors: FieldError[]; reason: string | null };
}

/**
 * The status a REST client sees. A refused input names its fields, and that is a 422 (the request
 * was well-formed JSON but its content was not acceptable); everything else keeps tRPC's status.
 */
export function problemStatus(error: FormattedError): number {
  return error.data.code === "BAD_REQUEST" && error.data.fieldErrors.length > 0 ? 422 : error.data.httpStatus;
}

/** A problem type URI per kind of failure: stable names a client can switch on. */
export function typeFor(status: number, reason: string | null): string {
  const name = reason ? reason.toLowerCase().replace(/_/g, "-") : (titles[status] ?? "error").toLowerCase().replace(/ /g, "-");
  return `urn:bbscart:problem:${name}`;
}

export function problem(options: { status: number; detail: string; instance: string; requestId: string | null; code: string; errors?: FieldError[]; reason?: string | null }): Problem {
  return {
    type: typeFor(options.status, options.reason ?? null),
    title: titles[options.status] ?? "Error",
    status: options.status,
    detail: options.detail,
    instance: options.instance,
    requestId: options.requestId,
    code: options.code,
    errors: options.errors ?? [],
  };
}

export function fromFormattedError(error: FormattedError, instance: string): Problem {
  return problem({
    status: problemStatus(error),
    detail: error.message,
    instance,
    requestId: error.data.requestId,
    code: error.data.code,
    errors: error.data.fieldErrors,
    reason: error.data.reason,
  });
}

/**
 * Writes `body` as application/problem+json. A 401 names the scheme to authenticate with, and says
 * `invalid_token` when a token was sent, so a client knows to refresh rather than sign in (RFC 6750).
 */
export function sendProblem(res: Response, body: Problem): void {
  if (body.status === 401) {
    res.setHeader("WWW-Authenticate", res.req.headers.authorization ? 'Bearer realm="bbscart", error="invalid_token"' : 'Bearer realm="bbscart"');
  }
  res.status(body.status).type("application/problem+json").end(JSON.stringify(body));
}
