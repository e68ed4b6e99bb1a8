import type { RequestHandler } from "express";

/**
 * The CSRF defence of the cookie-authenticated routes: a browser always sends `Origin` on a POST,
 * and only our own web app's origin may use the refresh cookie.
 */
export function requireOrigin(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (typeof origin === "string" && allowed.includes(origin)) return next();
    res.status(403).json({ error: { code: "FORBIDDEN", message: "This request must come from the shop's own web app" } });
  };
}
