import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanMutations, type ProcedureFailure } from "../src/http/lean-trpc.js";
import { addProduct, address, creditWallet, makeShoppers, newKey, stockOf, walletBalance, type Shopper } from "./checkout-fixtures.js";
import { suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

interface Answer {
  status: number;
  contentType: string | null;
  vary: string | null;
  body: string;
}

/**
 * tRPC mutations are answered through tRPC's procedure call without its fetch adapter
 * (http/lean-trpc.ts). The same request sent with a streamed body (no Content-Length) is
 * left to tRPC's own adapter, so each case below sends it both ways and expects the same status,
 * headers and bytes: failures of every kind, a batch mixing them, a replayed order.
 */
describe("mutations without tRPC's fetch adapter", () => {
  const data = suiteDir();
  let app: RunningApp;
  let shopper: Shopper;
  let variantId: string;

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    shopper = (await makeShoppers(app, 1))[0]!;
    variantId = (await addProduct(app, { stock: 10, priceMinor: 50_000 })).variantId;
    await creditWallet(app, shopper.user.id, 1_000_000);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const body = (input: unknown) => JSON.stringify({ json: input });
  interface SendOptions {
    streamed?: boolean;
    token?: string | null;
    headers?: Record<string, string>;
  }
  const send = async (path: string, text: string, { streamed = false, token = shopper.token, headers = {} }: SendOptions = {}): Promise<Answer> => {
    const init: RequestInit & { duplex?: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      // A stream has no length to declare: the lean path leaves such a request to tRPC's adapter.
      body: streamed ? new Blob([text]).stream() : text,
      ...(streamed ? { duplex: "half" as const } : {}),
    };
    const answer = await fetch(`${app.url}/trpc/${path}`, init);
    return { status: answer.status, contentType: answer.headers.get("content-type"), vary: answer.headers.get("vary"), body: await answer.text() };
  };
  let requests = 0;
  const bothWays = async (path: string, text: string, options: { token?: string | null } = {}) => {
    // One request id for both, so the error shapes (which carry it) can be compared byte for byte.
    const headers = { "x-request-id": `both-ways-${++requests}` };
    const lean = await send(path, text, { ...options, headers });
    const viaTrpc = await send(path, text, { ...options, headers, streamed: true });
    expect(lean).toEqual(viaTrpc);
    return lean;
  };

  it("answers a bad input with tRPC's own 400 naming the field", async () => {
    const answer = await bothWays("cart.add", body({ variantId, quantity: -1 }));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('"path":"quantity"');
  });

  it("answers a missing sign-in, an unknown variant and a malformed body exactly as tRPC does", async () => {
    expect((await bothWays("order.place", body({ address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: newKey() }), { token: null })).status).toBe(401);
    expect((await bothWays("cart.add", body({ variantId: "var-nowhere", quantity: 1 }))).status).toBe(404);
    // Read by the lean path, then handed to tRPC as the body: its parse error, nothing run.
    expect((await bothWays("cart.add", '{"json": {"variantId": ')).status).toBe(400);
    expect((await bothWays("cart.add", "[1,2]")).status).toBe(400);
  });

  it("leaves what is not a mutation, or is too large, to tRPC", async () => {
    // A query by POST: tRPC's 405.
    expect((await bothWays("cart.get", body(undefined))).status).toBe(405);
    // Over the body limit (1 MiB by default): tRPC's 413, the body never read by us.
    const large = body({ variantId, quantity: 1, note: "x".repeat(1_100_000) });
    expect((await send("cart.add", large)).status).toBe(413);
  });

  it("places an order once: the replay under the same key gives the same bytes, and the stock and wallet moved once", async () => {
    const key = newKey();
    const before = { stock: await stockOf(app, variantId), wallet: await walletBalance(app, shopper.user.id) };
    const added = await send("cart.add", body({ variantId, quantity: 2 }));
    expect(added.status).toBe(200);
    expect(added.vary).toBe("trpc-accept, accept, Accept-Encoding");
    const place = body({ address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: key });
    const placed = await bothWays("order.place", place);
    expect(placed.status).toBe(200);
    expect(placed.body).toContain('"status":"confirmed"');
    const after = { stock: await stockOf(app, variantId), wallet: await walletBalance(app, shopper.user.id) };
    expect(after.stock!.onHand).toBe(before.stock!.onHand - 2);
    const total = (JSON.parse(placed.body) as { result: { data: { json: { total: { minor: number } } } } }).result.data.json.total.minor;
    expect(before.wallet - after.wallet).toBe(total);
  });

  it("answers a batch as tRPC does: one element per call, 207 when their statuses differ", async () => {
    await send("cart.add", body({ variantId, quantity: 1 }));
    const key = newKey();
    const first = await send("order.place", body({ address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: key }));
    expect(first.status).toBe(200);
    const calls = JSON.stringify({
      0: { json: { address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: key } },
      1: { json: { variantId, quantity: 0 } },
    });
    const answer = await bothWays("order.place,cart.add?batch=1", calls);
    expect(answer.status).toBe(207);
    const [replayed, refused] = JSON.parse(answer.body) as [{ result: unknown }, { error: unknown }];
    expect(JSON.stringify(replayed)).toBe(first.body);
    expect(refused.error).toBeDefined();
  });

  it("answers only what it can answer as tRPC would, and hands the rest on untouched or with the body it read", async () => {
    const failures: Parameters<ProcedureFailure>[0][] = [];
    const bare = express();
    bare.use("/trpc", leanMutations(app.services, { maxBodyBytes: 1000, onError: (failure) => failures.push(failure) }));
    bare.use((req, res) => void res.status(599).json({ handedOn: true, body: (req as { body?: unknown }).body ?? null }));
    const server = bare.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
    const post = (path: string, text: string, headers: Record<string, string> = {}, streamed = false) =>
      fetch(`${url}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${shopper.token}`, ...headers },
        body: streamed ? new Blob([text]).stream() : text,
        ...(streamed ? { duplex: "half" } : {}),
      });
    try {
      const answered = await post("cart.add", body({ variantId, quantity: 0 }));
      expect(answered.status).toBe(400);
      expect(failures.map((f) => [f.path, f.error.code])).toEqual([["cart.add", "BAD_REQUEST"]]);

      const handedOn = async (answer: Response) => {
        expect(answer.status).toBe(599);
        return ((await answer.json()) as { body: unknown }).body;
      };
      expect(await handedOn(await post("cart.add", body({ variantId, quantity: 1 }), {}, true))).toBeNull();
      expect(await handedOn(await post("cart.get", body(undefined)))).toBeNull();
      expect(await handedOn(await post("cart.add", body({ variantId, quantity: 1, note: "x".repeat(1000) })))).toBeNull();
      expect(await handedOn(await post("cart.add", body({ variantId, quantity: 1 }), { "content-type": "text/plain" }))).toBeNull();
      expect(await handedOn(await post("cart.add", body({ variantId, quantity: 1 }), { "trpc-accept": "application/jsonl" }))).toBeNull();
      expect(await handedOn(await post("cart.add,cart.add", body({ variantId, quantity: 1 })))).toBeNull();
      // Read, did not parse: handed on with the text, which tRPC's adapter reads instead of the stream.
      expect(await handedOn(await post("cart.add", '{"json":'))).toBe('{"json":');
      expect(failures).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("turns a throw while answering into Express's error answer, never an unhandled rejection", async () => {
    const bare = express();
    bare.use(
      "/trpc",
      leanMutations(app.services, {
        maxBodyBytes: 1000,
        onError: () => {
          throw new Error("the failure report itself failed");
        },
      }),
    );
    bare.use(((error, _req, res, _next) => void res.status(500).json({ caught: (error as Error).message })) as express.ErrorRequestHandler);
    const server = bare.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/cart.add`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${shopper.token}` },
        body: body({ variantId, quantity: 0 }),
      });
      expect(answer.status).toBe(500);
      expect(await answer.json()).toEqual({ caught: "the failure report itself failed" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
