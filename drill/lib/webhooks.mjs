/**
 * The network between the payment provider and the shop, as the drill wants it to misbehave. Every
 * API process names this relay as its PUBLIC_URL, so the sandbox card page's signed webhooks come
 * here first. The relay forwards each to a live API process (answering the sandbox with the API's
 * status), keeps its payload, and then:
 * - holds back the `payment_failed` event of chosen intents and delivers it only after that
 *   intent's `succeeded` event went through (an older event after a newer one);
 * - posts about half of the events again a moment later to the other API (a duplicate racing
 *   the first delivery), and every event once more, newest first, when the load ends.
 * Re-posted payloads are signed afresh with the installation's webhook secret by the real
 * `stripe` library (`webhooks.generateTestHeaderString`), as Stripe's own retries are.
 */
import http from "node:http";
import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { requireFromApi } from "./deps.mjs";

const Stripe = requireFromApi("stripe");

const readBody = async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/** `secret()` reads the installation's webhook secret, which exists once the first API process has started. */
export async function startWebhookRelay({ apis, secret, random, log }) {
  const events = new Map(); // id → { id, type, intentId, payload }
  const order = []; // event ids in arrival order
  const heldIntents = new Set();
  const held = new Map(); // intentId → [payload]
  const stats = { received: 0, forwarded: 0, forwardFailed: 0, held: 0, late: 0, duplicatesPosted: 0, duplicatesAcknowledged: 0, repostFailed: 0, serverErrors: 0 };
  const pending = new Set();

  const liveApis = () => {
    const up = apis.filter((api) => api.up);
    return up.length > 0 ? up : apis;
  };
  const pick = (avoid) => {
    const candidates = liveApis().filter((api) => api !== avoid);
    const from = candidates.length > 0 ? candidates : liveApis();
    return from[Math.floor(random() * from.length)];
  };

  async function post(api, payload, signature) {
    const response = await fetch(`${api.baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, body: await response.text() };
  }

  /**
   * Posts a stored payload, freshly signed, until an API acknowledges it (or the attempts run out).
   * @param {string} payload
   * @param {{ avoid?: unknown; counts: string }} options
   */
  async function repost(payload, { avoid, counts }) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const api = pick(attempt === 0 ? avoid : undefined);
      try {
        const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: secret() });
        const answer = await post(api, payload, signature);
        if (answer.status === 200) {
          stats[counts] += 1;
          if (JSON.parse(answer.body).duplicate === true) stats.duplicatesAcknowledged += 1;
          return true;
        }
        // A 503 is an outage said plainly (try again); a 500 is a bug the drill must report.
        if (answer.status === 500) stats.serverErrors += 1;
      } catch {
        /* the API is down or restarting: try again, elsewhere */
      }
      await delay(250);
    }
    stats.repostFailed += 1;
    return false;
  }

  const track = (promise) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== "POST" || req.url !== "/webhooks/stripe") {
        res.writeHead(404).end();
        return;
      }
      const raw = await readBody(req);
      const payload = raw.toString("utf8");
      const event = JSON.parse(payload);
      const intentId = event.data?.object?.id ?? null;
      stats.received += 1;
      if (!events.has(event.id)) order.push(event.id);
      events.set(event.id, { id: event.id, type: event.type, intentId, payload });

      if (event.type === "payment_intent.payment_failed" && heldIntents.has(intentId)) {
        // The network "loses" it for now: the sandbox sees it accepted, the shop has not.
        stats.held += 1;
        held.set(intentId, [...(held.get(intentId) ?? []), payload]);
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        return;
      }
      const api = pick();
      try {
        const answer = await post(api, raw, req.headers["stripe-signature"] ?? "");
        stats.forwarded += 1;
        if (answer.status === 500) stats.serverErrors += 1;
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
        if (answer.status !== 200) return;
      } catch (error) {
        stats.forwardFailed += 1;
        res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error instanceof Error ? error.message : error) }));
        return;
      }
      if (event.type === "payment_intent.succeeded" && held.has(intentId)) {
        const late = held.get(intentId);
        held.delete(intentId);
        track((async () => {
          await delay(300);
          for (const old of late) await repost(old, { counts: "late" });
        })());
      }
      if (random() < 0.5) {
        track((async () => {
          await delay(200 + random() * 1_300);
          await repost(payload, { avoid: api, counts: "duplicatesPosted" });
        })());
      }
    })().catch((error) => {
      log(`webhook relay: ${error.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");

  return {
    // Listening on a TCP address, so the address is an AddressInfo, never a pipe name.
    url: `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}`,
    stats,
    events,
    /** The next `payment_failed` event of this intent arrives only after its `succeeded` event. */
    holdFailuresOf: (intentId) => heldIntents.add(intentId),
    /** Every event once more, newest first (older events after newer ones), then waits for every re-post. */
    async replayAll() {
      for (const id of [...order].reverse()) await repost(events.get(id).payload, { counts: "duplicatesPosted" });
      // Held events whose success never came (the shopper gave up) are delivered now, late.
      for (const [intentId, payloads] of held) {
        held.delete(intentId);
        for (const payload of payloads) await repost(payload, { counts: "late" });
      }
      await Promise.all([...pending]);
    },
    close: () => /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve()))),
  };
}
