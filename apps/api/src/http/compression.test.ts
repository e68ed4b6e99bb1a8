import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { responseCompression, WHOLE_ANSWER_MAX_BYTES } from "./compression.js";

/** An answer of `bytes`, repeating a 300 KiB text: its repeats lie beyond the window. */
function answer(bytes: number): string {
  const chunk = Array.from({ length: 300 * 1024 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join("");
  return chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes);
}

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

function rawGet(port: number, path: string, headers: Record<string, string>, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .request({ port, host: "127.0.0.1", path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

const decode = (raw: Raw) =>
  (raw.headers["content-encoding"] === "br"
    ? zlib.brotliDecompressSync(raw.bytes)
    : raw.headers["content-encoding"] === "gzip"
      ? zlib.gunzipSync(raw.bytes)
      : raw.headers["content-encoding"] === "deflate"
        ? zlib.inflateSync(raw.bytes)
        : raw.bytes
  ).toString();

const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Product ${i}`, price: { minor: 1000 + i, currency: "INR" } })) });

describe("response compression", () => {
  const app = express();
  app.use(responseCompression(1024));
  // The same answer handed over whole (as every API answer is) and written in two pieces (as a stream is).
  app.get("/whole", (_req, res) => res.type("application/json").send(json));
  app.get("/pieces", (_req, res) => {
    res.type("application/json");
    res.write(json.slice(0, 1000));
    res.end(json.slice(1000));
  });
  app.get("/whole-callback", (_req, res) => {
    res.type("application/json");
    res.end(json, () => ended.push("called"));
  });
  app.get("/small", (_req, res) => res.type("application/json").send('{"ok":true}'));
  // The head written, or flushed, before the body: the answer is not handed over whole.
  app.get("/head-first", (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(json);
  });
  app.get("/flushed", (_req, res) => {
    res.type("application/json");
    res.flushHeaders();
    res.end(json);
  });
  // Whether `compression`'s stream machinery (which adds `res.flush`) was set up for an answer.
  const machinery: string[] = [];
  app.get("/whole-watched", (_req, res) => {
    res.type("application/json").send(json);
    machinery.push(typeof (res as typeof res & { flush?: unknown }).flush);
  });
  app.get("/pieces-watched", (_req, res) => {
    res.type("application/json");
    res.write(json.slice(0, 1000));
    res.end(json.slice(1000));
    machinery.push(typeof (res as typeof res & { flush?: unknown }).flush);
  });
  // Text handed to `res.end` as the API's answers are: 400 characters, 1,200 bytes in UTF-8.
  const rupees = JSON.stringify({ prices: "₹".repeat(390) });
  app.get("/text", (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(rupees);
  });
  app.get("/png", (_req, res) => res.type("image/png").send(Buffer.from(json)));
  app.get("/no-transform", (_req, res) => res.type("application/json").set("Cache-Control", "private, no-transform").send(json));
  app.get("/encoded", (_req, res) => res.type("application/json").set("Content-Encoding", "gzip").end(zlib.gzipSync(json)));
  app.get("/big", (_req, res) => res.type("text/plain").send(bigBody));
  const bigBody = answer(2 * 1024 * 1024);
  const ended: string[] = [];
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("compresses an answer handed over whole in one call, with its length, and no zlib stream", async () => {
    const streams = vi.spyOn(zlib, "createBrotliCompress");
    try {
      const raw = await rawGet(port, "/whole", { "Accept-Encoding": "br" });
      expect(raw.headers["content-encoding"]).toBe("br");
      expect(raw.headers["content-length"]).toBe(String(raw.bytes.length));
      expect(raw.headers["transfer-encoding"]).toBeUndefined();
      expect(raw.headers.vary).toMatch(/Accept-Encoding/i);
      expect(raw.bytes.length).toBeLessThan(json.length);
      expect(decode(raw)).toBe(json);
      expect(streams).not.toHaveBeenCalled();
      // The same answer in pieces still goes through the stream.
      const pieces = await rawGet(port, "/pieces", { "Accept-Encoding": "br" });
      expect(decode(pieces)).toBe(json);
      expect(streams).toHaveBeenCalledTimes(1);
    } finally {
      streams.mockRestore();
    }
  });

  it("chooses the encoding the streamed path chooses, for every kind of Accept-Encoding", async () => {
    const accepts = [
      "br",
      "gzip",
      "deflate",
      "gzip, deflate, br, zstd",
      "gzip, deflate",
      "br;q=0.5, gzip",
      "br;q=0.5, gzip;q=0.5",
      "gzip;q=0, br;q=0",
      "*",
      "*;q=0",
      "gzip;q=0, *",
      "identity",
      "identity;q=0",
      "x-unknown",
      "BR",
      " gzip ; q=0.8 , br ; q=0.9 ",
    ];
    for (const accept of accepts) {
      const [whole, pieces] = await Promise.all([rawGet(port, "/whole", { "Accept-Encoding": accept }), rawGet(port, "/pieces", { "Accept-Encoding": accept })]);
      expect([accept, whole.headers["content-encoding"]]).toEqual([accept, pieces.headers["content-encoding"]]);
      expect(decode(whole)).toBe(json);
      expect(decode(pieces)).toBe(json);
    }
    const none = await rawGet(port, "/whole", {});
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.bytes.toString()).toBe(json);
  });

  it("leaves alone what the streamed path leaves alone: small, not compressible, no-transform, already encoded, HEAD", async () => {
    const small = await rawGet(port, "/small", { "Accept-Encoding": "br" });
    expect([small.headers["content-encoding"], small.bytes.toString()]).toEqual([undefined, '{"ok":true}']);
    const png = await rawGet(port, "/png", { "Accept-Encoding": "br" });
    expect([png.headers["content-encoding"], png.bytes.toString()]).toEqual([undefined, json]);
    const noTransform = await rawGet(port, "/no-transform", { "Accept-Encoding": "br" });
    expect([noTransform.headers["content-encoding"], noTransform.bytes.toString()]).toEqual([undefined, json]);
    const encoded = await rawGet(port, "/encoded", { "Accept-Encoding": "br" });
    expect([encoded.headers["content-encoding"], decode(encoded)]).toEqual(["gzip", json]);
    // Express's `send` ends a HEAD answer without its body; a handler calling `end(body)` itself does not.
    for (const path of ["/whole", "/whole-callback"]) {
      const head = await rawGet(port, path, { "Accept-Encoding": "br" }, "HEAD");
      expect([head.status, head.headers["content-encoding"], head.bytes.length]).toEqual([200, undefined, 0]);
    }
  });

  it("measures text in bytes, not characters: compressed past the threshold, sent byte-exact when it is not", async () => {
    expect(rupees.length).toBeLessThan(1024);
    expect(Buffer.byteLength(rupees)).toBeGreaterThan(1024);
    const streams = vi.spyOn(zlib, "createGzip");
    try {
      const compressed = await rawGet(port, "/text", { "Accept-Encoding": "gzip" });
      expect([compressed.headers["content-encoding"], decode(compressed)]).toEqual(["gzip", rupees]);
      expect(streams).not.toHaveBeenCalled();
    } finally {
      streams.mockRestore();
    }
    const plain = await rawGet(port, "/text", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.bytes.equals(Buffer.from(rupees))).toBe(true);
    expect(plain.headers["content-length"] ?? String(plain.bytes.length)).toBe(String(Buffer.byteLength(rupees)));
  });

  it("says Vary: Accept-Encoding exactly where the streamed path does, compressed or not", async () => {
    for (const [whole, pieces] of [["/small", "/small"], ["/whole", "/pieces"], ["/png", "/png"], ["/no-transform", "/no-transform"]] as const) {
      for (const accept of [{ "Accept-Encoding": "br" }, {}] as Record<string, string>[]) {
        const answer = await rawGet(port, whole, accept);
        const streamed = await rawGet(port, pieces, accept);
        expect([whole, accept, answer.headers.vary]).toEqual([whole, accept, streamed.headers.vary]);
      }
    }
    expect((await rawGet(port, "/small", {})).headers.vary).toMatch(/Accept-Encoding/i);
    expect((await rawGet(port, "/png", { "Accept-Encoding": "br" })).headers.vary).toBeUndefined();
  });

  it("sets up no stream for an answer handed over whole, and the stream for one written in pieces", async () => {
    machinery.length = 0;
    expect(decode(await rawGet(port, "/whole-watched", { "Accept-Encoding": "br" }))).toBe(json);
    expect(decode(await rawGet(port, "/pieces-watched", { "Accept-Encoding": "br" }))).toBe(json);
    expect(machinery).toEqual(["undefined", "function"]);
  });

  it("streams an answer whose head is written or flushed before its body, as compression always has", async () => {
    for (const path of ["/head-first", "/flushed"]) {
      const raw = await rawGet(port, path, { "Accept-Encoding": "gzip" });
      expect([path, raw.headers["content-encoding"], raw.headers["transfer-encoding"], decode(raw)]).toEqual([path, "gzip", "chunked", json]);
      const plain = await rawGet(port, path, {});
      expect([path, plain.headers["content-encoding"], plain.bytes.toString()]).toEqual([path, undefined, json]);
    }
  });

  it("calls the caller's callback when it ends the answer", async () => {
    ended.length = 0;
    const raw = await rawGet(port, "/whole-callback", { "Accept-Encoding": "gzip" });
    expect(decode(raw)).toBe(json);
    expect(raw.headers["content-encoding"]).toBe("gzip");
    await vi.waitFor(() => expect(ended).toEqual(["called"]));
  });

  // Decision 166: per-request brotli with a 256 KiB window; decision 167: only answers up to
  // WHOLE_ANSWER_MAX_BYTES are compressed in one call, bigger ones stream.
  it("streams an answer eight times the window, whole, brotli-encoded and smaller", async () => {
    expect(bigBody.length).toBeGreaterThan(WHOLE_ANSWER_MAX_BYTES);
    const raw = await rawGet(port, "/big", { "Accept-Encoding": "br" });
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(raw.headers["transfer-encoding"]).toBe("chunked");
    expect(zlib.brotliDecompressSync(raw.bytes).toString()).toBe(bigBody);
    expect(raw.bytes.length).toBeLessThan(bigBody.length);
  });
});
