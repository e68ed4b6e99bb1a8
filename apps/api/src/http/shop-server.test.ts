import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request } from "express";
import { afterEach, describe, expect, it } from "vitest";
import { shopServer, type ShopServer } from "./shop-server.js";

interface Seen {
  /** The request's and response's prototypes as the server made them, before the app touched them. */
  bornRequest: object | null;
  bornResponse: object | null;
}

const started: ShopServer[] = [];

/** An app served by a fresh `shopServer`, listening on a free port; `seen` is filled by each request. */
async function serving(app: express.Express) {
  const shop = shopServer();
  started.push(shop);
  const seen: Seen = { bornRequest: null, bornResponse: null };
  // Before the app: what the server made, not what Express left.
  shop.server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.bornRequest = Object.getPrototypeOf(req) as object;
    seen.bornResponse = Object.getPrototypeOf(res) as object;
  });
  shop.server.listen(0, "127.0.0.1");
  await once(shop.server, "listening");
  shop.serve(app);
  const url = `http://127.0.0.1:${(shop.server.address() as AddressInfo).port}`;
  return { url, seen };
}

afterEach(async () => {
  for (const shop of started.splice(0)) {
    shop.server.closeAllConnections();
    await new Promise((resolve) => shop.server.close(resolve));
  }
});

describe("the shop's HTTP server", () => {
  it("makes every request and response with the prototypes the app gives them, so Express has nothing to change", async () => {
    const app = express();
    app.get("/", (_req, res) => res.json({ ok: true }));
    const { url, seen } = await serving(app);

    const answer = await fetch(url);

    expect(await answer.json()).toEqual({ ok: true });
    expect(seen.bornRequest).toBe(app.request);
    expect(seen.bornResponse).toBe(app.response);
  });

  it("keeps what the app put on its request and response before it was served, and Express's own methods", async () => {
    const app = express();
    // As the access log defines `req.log` on `app.request` while the app is built.
    Object.defineProperty(app.request, "shopLabel", { configurable: true, get: (): string => "from the app" });
    app.get("/", (req, res) => {
      const labelled = req as Request & { shopLabel: string };
      res.status(201).json({ label: labelled.shopLabel, sameApp: req.app === app && res.app === app, host: req.get("host"), path: req.path });
    });
    const { url } = await serving(app);

    const answer = await fetch(`${url}/?q=1`);

    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ label: "from the app", sameApp: true, host: new URL(url).host, path: "/" });
    expect(app.request).toBeInstanceOf(http.IncomingMessage);
    // The chain Express builds: the app's object, then Express's, then Node's.
    expect(Object.getPrototypeOf(app.request)).toBe(express.request);
    expect(Object.getPrototypeOf(app.response)).toBe(express.response);
  });

  it("gives each server its own prototypes: one app's additions never reach another's requests", async () => {
    const first = express();
    const second = express();
    Object.defineProperty(first.request, "owner", { configurable: true, value: "first" });
    for (const app of [first, second]) app.get("/", (req, res) => res.json({ owner: (req as Request & { owner?: string }).owner ?? null }));
    const one = await serving(first);
    const two = await serving(second);

    expect(await (await fetch(one.url)).json()).toEqual({ owner: "first" });
    expect(await (await fetch(two.url)).json()).toEqual({ owner: null });
    expect(one.seen.bornRequest).not.toBe(two.seen.bornRequest);
  });
});
