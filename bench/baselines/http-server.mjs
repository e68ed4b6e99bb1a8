/**
 * Baseline servers: bare `node:http` or bare Express 5 answering every request with the same
 * fixed JSON body (the catalog page the API returned in this run). Usage:
 * `node http-server.mjs <node|express> <port> <payload file>`; prints READY when listening.
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
} else if (kind === "express") {
  const express = createRequire(path.join(repoRoot, "apps/api/package.json"))("express");
  const app = express();
  app.get("/{*splat}", (req, res) => {
    res.type("application/json").send(body);
  });
  server = http.createServer(app);
} else {
  throw new Error(`unknown baseline ${kind}`);
}
server.keepAliveTimeout = 65_000;
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("READY\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
