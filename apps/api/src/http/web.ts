import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/** Paths owned by the API; the single-page app's fallback must never answer them with HTML. */
export const apiPathPrefixes = ["/trpc", "/auth", "/api", "/webhooks", "/uploads", "/healthz", "/readyz"];

/**
 * Serves the built web app: hashed assets cached for a year, `index.html` never cached (so a deploy is
 * picked up at once), and every other GET that is not an API path answered with `index.html` so the
 * client-side router can take it.
 */
export function webAppRoutes(distDir: string): Router {
  const indexFile = path.join(distDir, "index.html");
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The web app is not built: ${indexFile} is missing. Run "npm run build" first.`);
  }
  const routes = Router();
  routes.use(
    "/assets",
    express.static(path.join(distDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }),
  );
  routes.use(express.static(distDir, { index: false, maxAge: "1h" }));
  routes.get("/{*splat}", (req, res, next) => {
    if (apiPathPrefixes.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexFile);
  });
  return routes;
}
