import { Router } from "express";
import { AppError, type CookiePolicy } from "../services/common/index.js";
import type { Services } from "../services/index.js";
import { requireOrigin } from "../security/origin.js";
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from "./refresh-cookie.js";

/**
 * The only cookie-authenticated routes. Both refuse a foreign `Origin` (CSRF), and neither accepts
 * anything but the cookie, so a stolen access token cannot be turned into a long session.
 */
export function authRoutes(services: Services, options: { allowedOrigins: readonly string[]; cookies: CookiePolicy }): Router {
  const routes = Router();
  routes.use("/auth", requireOrigin(options.allowedOrigins));

  routes.post("/auth/refresh", async (req, res) => {
    const presented = readRefreshCookie(req);
    if (!presented) {
      // Every page load of an anonymous visitor asks; "no session" is an answer, not an error for the console.
      res.setHeader("Cache-Control", "no-store");
      res.status(204).end();
      return;
    }
    try {
      const session = await services.auth.refresh(presented);
      setRefreshCookie(res, session.refreshToken, options.cookies);
      res.setHeader("Cache-Control", "no-store");
      res.json({ accessToken: session.accessToken, expiresIn: session.expiresIn, account: session.account });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "UNAUTHORIZED") throw error;
      clearRefreshCookie(res, options.cookies);
      res.status(401).json({ error: { code: "UNAUTHORIZED", message: error.message } });
    }
  });

  routes.post("/auth/logout", async (req, res) => {
    const presented = readRefreshCookie(req);
    if (presented) await services.auth.logout(presented);
    clearRefreshCookie(res, options.cookies);
    res.status(204).end();
  });
  return routes;
}
