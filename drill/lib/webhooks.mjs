/**
 * The network between the payment provider and the shop, as the drill wants it to misbehave. Every
 * API process names this relay as its PUBLIC_URL, so the sandbox page's signed webhooks come here
 * first, in the wire format of the provider the sandbox imitates (Stripe's or Razorpay's). The relay
 * forwards each to a live API process (answering the sandbox with the API's status), keeps its
 * payload, and then:
 * - holds back the failure event of chosen intents and delivers it only after that intent's
 *   success went through (an older event after a newer one);
 * - loses, for good, every event of chosen top-up intents (the sandbox sees them accepted): only
 *   reconciliation asking the provider can credit those wallets;
 * - posts about half of the events again a moment later to the other API (a duplicate racing
 *   the first delivery), and every event once more, newest first, when the load ends;
 * - plays the provider cancelling an intent (Stripe's `payment_intent.canceled`; Razorpay cannot
 *   cancel an Order, so never in its format).
 * Re-posted payloads are signed afresh with the installation's webhook secret: Stripe's by the real
 * `stripe` library (`webhooks.generateTestHeaderString`), as Stripe's own retries are; Razorpay's
 * as an HMAC-SHA256 of the body, under the same `x-razorpay-event-id`, as Razorpay's retries are.
 */
import { createHmac } from "node:crypto";
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

/**
 * Each provider's wire format, as far as the relay reads and writes it: the route, what an event is
 * (id, type, intent, whether it tells of a success or a failure) and how a re-post is signed.
 * @typedef {{ id: string; type: string; intentId: string | null; outcome: "succeeded" | "failed" | null }} WireEvent
 */
const FORMATS = {
  stripe: {
    path: "/webhooks/stripe",
    /** @returns {WireEvent} */
    read(payload) {
      const event = JSON.parse(payload);
      const outcome = { "payment_intent.succeeded": "succeeded", "payment_intent.payment_failed": "failed" }[event.type] ?? null;
      return { id: event.id, type: event.type, intentId: event.data?.object?.id ?? null, outcome };
    },
    headers: (payload, _eventId, secret) => ({ "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret }) }),
  },
  razorpay: {
    path: "/webhooks/razorpay",
    /** The event id travels in a header, not the body. @returns {WireEvent} */
    read(payload, eventId) {
      const event = JSON.parse(payload);
      const outcome = { "order.paid": "succeeded", "payment.captured": "succeeded", "payment.failed": "failed" }[event.event] ?? null;
      return { id: eventId, type: event.event, intentId: event.payload?.order?.entity?.id ?? event.payload?.payment?.entity?.order_id ?? null, outcome };
    },
    headers: (payload, eventId, secret) => ({ "x-razorpay-signature": createHmac("sha256", secret).update(payload).digest("hex"), "x-razorpay-event-id": eventId }),
  },
};

/**
 * `secret()` reads the installation's webhook secret, which exists once the first API process has
 * started; `provider` is whose format the sandbox speaks.
 */
export async function startWebhookRelay({ apis, secret, random, log, provider = "stripe" }) {
  const format = FORMATS[provider];
  const events = new Map(); // id → { id, type, intentId, payload, dropped }
  const order = []; // event ids in arrival order
  const heldIntents = new Set();
  const held = new Map(); // intentId → [payload]
  const droppedIntents = new Set();
  const stats = {
    received: 0,
    forwarded: 0,
    forwardFailed: 0,
    held: 0,
    late: 0,
    dropped: 0,
    cancels: 0,
    duplicatesPosted: 0,
    duplicatesAcknowledged: 0,
    repostFailed: 0,
    serverErrors: 0,
  };
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

  async function post(api, payload, headers) {
    const response = await fetch(`${api.baseUrl}${format.path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: payload,
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, body: await response.text() };
  }

  /**
   * Posts a payload, freshly signed, until an API acknowledges it (or the attempts run out).
   * @param {string} payload
   * @param {string} eventId
   * @param {{ avoid?: unknown; counts: keyof typeof stats }} options
   */
  async function repost(payload, eventId, { avoid, counts }) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const api = pick(attempt === 0 ? avoid : undefined);
      try {
        const answer = await post(api, payload, format.headers(payload, eventId, secret()));
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
      if (req.method !== "POST" || req.url !== format.path) {
        res.writeHead(404).end();
        return;
      }
      const raw = await readBody(req);
      const payload = raw.toString("utf8");
      const event = format.read(payload, String(req.headers["x-razorpay-event-id"] ?? ""));
      const { intentId } = event;
      stats.received += 1;
      if (!events.has(event.id)) order.push(event.id);
      const dropped = droppedIntents.has(intentId);
      events.set(event.id, { ...event, payload, dropped });
      const accepted = () => res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');

      if (dropped) {
        // Lost for good: the sandbox sees it accepted, the shop never hears of it.
        stats.dropped += 1;
        accepted();
        return;
      }
      if (event.outcome === "failed" && heldIntents.has(intentId)) {
        // The network "loses" it for now: the sandbox sees it accepted, the shop has not.
        stats.held += 1;
        held.set(intentId, [...(held.get(intentId) ?? []), { payload, eventId: event.id }]);
        accepted();
        return;
      }
      const api = pick();
      try {
        const forwarded = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name === "stripe-signature" || name.startsWith("x-razorpay-")));
        const answer = await post(api, raw, forwarded);
        stats.forwarded += 1;
        if (answer.status === 500) stats.serverErrors += 1;
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
        if (answer.status !== 200) return;
      } catch (error) {
        stats.forwardFailed += 1;
        res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error instanceof Error ? error.message : error) }));
        return;
      }
      if (event.outcome === "succeeded" && held.has(intentId)) {
        const late = held.get(intentId);
        held.delete(intentId);
        track((async () => {
          await delay(300);
          for (const old of late) await repost(old.payload, old.eventId, { counts: "late" });
        })());
      }
      if (random() < 0.5) {
        track((async () => {
          await delay(200 + random() * 1_300);
          await repost(payload, event.id, { avoid: api, counts: "duplicatesPosted" });
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
    droppedIntents,
    /** Whether the provider's format can tell of an intent cancelled at the provider. */
    cancels: provider === "stripe",
    /** The next failure event of this intent arrives only after its success. */
    holdFailuresOf: (intentId) => heldIntents.add(intentId),
    /** Every event of this intent is lost on the way: the shop learns of it only by asking the provider. */
    dropEventsOf: (intentId) => droppedIntents.add(intentId),
    /**
     * The provider cancels an intent of ours (Stripe's `payment_intent.canceled`, with the metadata we
     * gave it) and tells the shop, until an API acknowledges it. True once acknowledged.
     * @param {{ intentId: string; amountMinor: number; currency: string; metadata: Record<string, string> }} intent
     */
    async cancelIntent(intent) {
      const payload = JSON.stringify({
        id: `evt_drill_cancel_${intent.intentId}`,
        object: "event",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        type: "payment_intent.canceled",
        data: {
          object: {
            id: intent.intentId,
            object: "payment_intent",
            amount: intent.amountMinor,
            amount_received: 0,
            currency: intent.currency.toLowerCase(),
            status: "canceled",
            cancellation_reason: "requested_by_customer",
            metadata: intent.metadata,
            last_payment_error: null,
          },
        },
      });
      const event = format.read(payload, "");
      if (!events.has(event.id)) order.push(event.id);
      events.set(event.id, { ...event, payload, dropped: false });
      return repost(payload, event.id, { counts: "cancels" });
    },
    /** Every event once more, newest first (older events after newer ones), then waits for every re-post. */
    async replayAll() {
      for (const id of [...order].reverse()) {
        const event = events.get(id);
        if (!event.dropped) await repost(event.payload, id, { counts: "duplicatesPosted" });
      }
      // Held events whose success never came (the shopper gave up) are delivered now, late.
      for (const [intentId, payloads] of held) {
        held.delete(intentId);
        for (const old of payloads) await repost(old.payload, old.eventId, { counts: "late" });
      }
      await Promise.all([...pending]);
    },
    close: () => /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve()))),
  };
}
