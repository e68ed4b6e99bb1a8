import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { describe, expect, it } from "vitest";
import { responseCompression } from "./compression.js";

/** An answer of `bytes`, repeating a 300 KiB text: its repeats lie beyond the window. */
function answer(bytes: number): string {
  const chunk = Array.from({ length: 300 * 1024 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join("");
  return chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes);
}

describe("per-request brotli with a 256 KiB window (decision 166)", () => {
  it("sends an answer eight times the window whole, brotli-encoded and smaller", async () => {
    const body = answer(2 * 1024 * 1024);
    const app = express();
    app.use(responseCompression(1024));
    app.get("/big", (_req, res) => res.type("text/plain").send(body));
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const raw = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
        http
          .get({ port, host: "127.0.0.1", path: "/big", headers: { "Accept-Encoding": "br" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], bytes: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
      expect(raw.encoding).toBe("br");
      expect(zlib.brotliDecompressSync(raw.bytes).toString()).toBe(body);
      expect(raw.bytes.length).toBeLessThan(body.length);
    } finally {
      server.close();
    }
  });
});
