/**
 * Baseline servers: bare `node:http` or bare Express 5 answering every request with the same
 * fixed JSON body (the catalog page the API returned in this run). Usage:
 * `node http-server.mjs <node|express|express-born> <port> <payload file>`; prints READY when listening.
 * `express-born` is bare Express on a server whose requests and responses are made with the app's
 * prototypes, as the API's are (decision 173; bench/express-prototypes.mjs compares the two).
 */
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../lib/paths.mjs";

const [kind, port, payloadFile] = process.argv.slice(2);
if (!payloadFile) throw new Error("usage: node http-server.mjs <node|express> <port> <payload file>");
const body = fs.readFileSync(payloadFile);

let server;
if (kind === "node") {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
} else if (kind === "express" || kind === "express-born") {
  const express = createRequire(path.join(repoRoot, "apps/api/package.json"))("express");
  const app = express();
  app.get("/{*splat}", (req, res) => {
    res.type("application/json").send(body);
  });
  if (kind === "express") server = http.createServer(app);
  else {
    // Written out here rather than imported, so the baseline depends on nothing of the API's.
    class Request extends http.IncomingMessage {}
    class Response extends http.ServerResponse {}
    Object.setPrototypeOf(Request.prototype, express.request);
    Object.setPrototypeOf(Response.prototype, express.response);
    Object.defineProperty(Request.prototype, "app", { configurable: true, enumerable: true, writable: true, value: app });
    Object.defineProperty(Response.prototype, "app", { configurable: true, enumerable: true, writable: true, value: app });
    app.request = Request.prototype;
    app.response = Response.prototype;
    server = http.createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
  }
} else {
  throw new Error(`unknown baseline ${kind}`);
}
server.keepAliveTimeout = 65_000;
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("READY\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
