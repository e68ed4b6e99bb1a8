import http from "node:http";
import express, { type Express } from "express";

export interface ShopServer {
  /** Not yet serving: listen first (the address may be needed to build the app), then {@link ShopServer.serve}. */
  readonly server: http.Server;
  /** Answers every request with `app`, whose requests and responses the server now makes with their final prototypes. */
  serve(this: void, app: Express): void;
}

/**
 * The API's HTTP server (decision 173). Express gives every request and response its own methods by
 * `Object.setPrototypeOf(req, app.request)` (and `res`, `app.response`) as the request enters the
 * app. V8 handles an object whose prototype changes after it was made far worse than one born with
 * it: bare Express served a fixed 13.5 KB answer at 8,357 req/s with 44 full collections in 6 s, and
 * at 28,196 req/s with 2 when its requests were made with the prototype already set (most of each
 * request's objects stopped surviving into the old generation). Here the server makes its requests
 * and responses from classes whose prototypes *are* the app's `request` and `response`, so Express's
 * call finds the prototype already in place, which V8 treats as nothing to do.
 *
 * The classes exist before the app does (the server listens first), so `serve` moves onto their
 * prototypes whatever the app had put on its own (`app`, the access log's `req.log`) and makes them
 * the app's; their chain is the one Express builds: the app's object, then Express's, then Node's.
 */
export function shopServer(): ShopServer {
  class ShopRequest extends http.IncomingMessage {}
  class ShopResponse extends http.ServerResponse {}
  Object.setPrototypeOf(ShopRequest.prototype, express.request);
  Object.setPrototypeOf(ShopResponse.prototype, express.response);
  const server = http.createServer({ IncomingMessage: ShopRequest, ServerResponse: ShopResponse });
  return {
    server,
    serve(app) {
      app.request = adopt(ShopRequest.prototype, app.request);
      app.response = adopt(ShopResponse.prototype, app.response);
      server.on("request", app);
    },
  };
}

/** `prototype` with `own`'s own properties, standing in for `own` (whose prototype it shares). */
function adopt<T extends object>(prototype: object, own: T): T {
  if (Object.getPrototypeOf(own) !== Object.getPrototypeOf(prototype)) throw new Error("the app's prototypes are not Express's own");
  return Object.defineProperties(prototype, Object.getOwnPropertyDescriptors(own)) as T;
}
