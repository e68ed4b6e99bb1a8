import { createRequire } from "node:module";
import path from "node:path";
import { Router } from "express";

/** Swagger UI's files from npm, served by us: the docs work offline and load nothing from a CDN. */
const assetsDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
/** Only what the page loads: the package also holds a demo page that fetches a remote example API. */
const assets = new Set(["swagger-ui.css", "swagger-ui-bundle.js"]);

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>BBSCART REST API</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so the app's Content-Security-Policy (script-src 'self') holds here too.
// No validator badge: it would send the document's URL to a third-party service.
const init = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#docs", deepLinking: true, validatorUrl: null });\n`;

/** Human-readable docs for /api/v1 at /api/docs. */
export function docsRoutes(): Router {
  const routes = Router();
  routes.get("/api/docs", (_req, res) => {
    res.type("html").send(page);
  });
  routes.get("/api/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(init);
  });
  routes.get("/api/docs/assets/:file", (req, res, next) => {
    if (!assets.has(req.params.file)) return next();
    res.sendFile(path.join(assetsDir, req.params.file), { maxAge: "1d" });
  });
  return routes;
}
