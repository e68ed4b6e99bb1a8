import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLog } from "../src/http/access-log.js";
import { loggerOptions } from "../src/logger.js";
import type { Services } from "../src/services/index.js";
import { contextFactory } from "../src/trpc/init.js";

interface Line {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string; remoteAddress: string };
  res?: { statusCode: number };
  responseTime?: number;
  [key: string]: unknown;
}

/**
 * The access log (http/access-log.ts): one line per request with what finds it and nothing that
 * could carry a credential, at a level that says how it went, and `req.log` for everything else a
 * request logs, which keeps the shop's redaction.
 */
describe("access log", () => {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const log = pino(loggerOptions({ LOG_LEVEL: "info" }, "api"), sink);
  let childrenMade = 0;
  const counted = new Proxy(log, {
    get(target, key, receiver) {
      if (key === "child") return (...args: Parameters<typeof log.child>) => (childrenMade++, target.child(...args));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  let url = "";
  let server: ReturnType<express.Express["listen"]>;

  beforeAll(async () => {
    const app = express();
    app.use(accessLog(app, counted));
    app.get("/ok", (_req, res) => void res.json({ ok: true }));
    app.post("/sign-in", express.json(), (req, res) => {
      req.log.info({ body: req.body as unknown }, "signing in");
      res.status(401).json({ error: "no" });
    });
    app.get("/broken", () => {
      throw new Error("boom");
    });
    app.get("/slow", (_req, res) => void setTimeout(() => res.end("late"), 300));
    // A procedure's context, as every tRPC call gets one: no bearer sent, so the services are not reached.
    const context = contextFactory({} as Services);
    app.get("/procedure", (req, res) => {
      const made = childrenMade;
      const ctx = context({ req, res });
      const unread = childrenMade - made;
      if (req.query.logs) ctx.log.info("the procedure logs");
      res.json({ unread, read: childrenMade - made });
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  const settled = async (predicate: (line: Line) => boolean): Promise<Line> => {
    for (let i = 0; i < 100; i++) {
      const found = lines.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no such line in ${JSON.stringify(lines)}`);
  };

  it("writes one line per answered request: id, method, url, client, status, time — no headers", async () => {
    const before = childrenMade;
    const answer = await fetch(`${url}/ok?x=1`, { headers: { "x-request-id": "lb-42", authorization: "Bearer secret-token", cookie: "sid=secret" } });
    expect(answer.headers.get("x-request-id")).toBe("lb-42");
    const line = await settled((l) => l.req?.id === "lb-42");
    expect(line).toMatchObject({ level: 30, msg: "request completed", service: "api", req: { id: "lb-42", method: "GET", url: "/ok?x=1", remoteAddress: "127.0.0.1" }, res: { statusCode: 200 } });
    expect(line.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines)).not.toContain("secret");
    expect(lines.filter((l) => l.req?.id === "lb-42")).toHaveLength(1);
    // Nothing but the access line was logged: no per-request logger was made.
    expect(childrenMade).toBe(before);
  });

  it("gives a procedure's context the request's logger only when the procedure logs", async () => {
    expect(await (await fetch(`${url}/procedure`)).json()).toEqual({ unread: 0, read: 0 });
    expect(await (await fetch(`${url}/procedure?logs=1`, { headers: { "x-request-id": "logs-1" } })).json()).toEqual({ unread: 0, read: 1 });
    expect((await settled((l) => l.msg === "the procedure logs")).req).toMatchObject({ id: "logs-1", url: "/procedure?logs=1" });
  });

  it("logs 4xx at warn and 5xx at error; the request's own lines name it and keep redaction", async () => {
    await fetch(`${url}/sign-in`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "sign-in-1" }, body: JSON.stringify({ email: "a@example.test", password: "hunter2" }) });
    const own = await settled((l) => l.msg === "signing in");
    expect(own.req).toMatchObject({ id: "sign-in-1", method: "POST", url: "/sign-in" });
    expect(own.body).toEqual({ email: "a@example.test", password: "[redacted]" });
    expect(await settled((l) => l.req?.id === "sign-in-1" && l.msg === "request completed")).toMatchObject({ level: 40, res: { statusCode: 401 } });

    await fetch(`${url}/broken`, { headers: { "x-request-id": "broken-1" } });
    expect(await settled((l) => l.req?.id === "broken-1")).toMatchObject({ level: 50, msg: "request errored", res: { statusCode: 500 } });
  });

  it("logs a request the client gave up on as aborted", async () => {
    const controller = new AbortController();
    const pending = fetch(`${url}/slow`, { headers: { "x-request-id": "gave-up-1" }, signal: controller.signal }).catch(() => "aborted");
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBe("aborted");
    expect(await settled((l) => l.req?.id === "gave-up-1")).toMatchObject({ level: 40, msg: "request aborted" });
  });
});
