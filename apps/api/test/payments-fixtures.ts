import Stripe from "stripe";
import type { DatabaseHandle, Order } from "@bbscart/core";
import { createPaymentProvider } from "../src/providers/create-provider.js";
import { sandboxIntentEvent, type SandboxDelivery, type SandboxOutcome } from "../src/providers/sandbox/flavours.js";
import type { SandboxPaymentProvider } from "../src/providers/sandbox/provider.js";
import type { SandboxIntent, SandboxStatus } from "../src/providers/sandbox/store.js";
import { createLogger } from "../src/logger.js";
import { timeOrderedIds } from "../src/runtime.js";
import type { Receipt } from "../src/services/checkout/index.js";
import type { ReconcileDeps } from "../src/services/payments/index.js";
import { address, newKey, type Shopper } from "./checkout-fixtures.js";
import { startApp, testSecrets, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

export interface SandboxApp extends RunningApp {
  sandbox: SandboxPaymentProvider;
}

/** The app with the sandbox provider and the worker's queues running in-process, retries shrunk. */
export async function startSandboxApp(dataDir: string, variables: Record<string, string> = {}, db?: DatabaseHandle): Promise<SandboxApp> {
  let sandbox: SandboxPaymentProvider | undefined;
  const app = await startApp({
    dataDir,
    ...(db ? { db } : {}),
    workers: true,
    variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", PAYMENTS_BACKOFF_MS: "20", QUEUE_LOCK_MS: "2000", ...variables },
    paymentProvider: (redis, env) => {
      sandbox = createPaymentProvider(env, redis, testSecrets) as SandboxPaymentProvider;
      return sandbox;
    },
  });
  return Object.assign(app, { sandbox: sandbox! });
}

export async function placeCardOrder(app: RunningApp, shopper: Shopper, variantId: string): Promise<Receipt> {
  await call(app.url, "cart.add", { variantId, quantity: 1 }, { token: shopper.token });
  const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "card", idempotencyKey: newKey() }, { token: shopper.token });
  if (placed.status !== 200) throw new Error(`order.place answered ${placed.status}`);
  return placed.data as Receipt;
}

/** A Stripe-format event about the intent a client secret belongs to, as if it were now in `status`. */
export async function intentEvent(app: SandboxApp, clientSecret: string, type: string, status: SandboxStatus, patch: Partial<SandboxIntent> = {}): Promise<string> {
  const intent = await app.sandbox.intentBySecret(clientSecret);
  if (!intent) throw new Error("no sandbox intent for that client secret");
  return sandboxIntentEvent(type, { ...intent, status, ...patch }, new Date());
}

/** POSTs a webhook the way Stripe does, signed with the shared secret unless told otherwise. */
export function postWebhook(app: RunningApp, payload: string, options: { secret?: string; timestamp?: number; body?: string } = {}) {
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? testSecrets.webhookSecret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return fetch(`${app.url}/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: options.body ?? payload,
  });
}

/** Polls until `check` returns a value (the worker runs on its own time), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const orderOf = async (app: RunningApp, orderId: string): Promise<Order> => {
  const order = await app.db.repos.orders.findById(orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  return order;
};

/**
 * The webhooks the sandbox's flavour (Stripe's or Razorpay's format) sends when an attempt on the
 * intent a client secret belongs to ends with `outcome`, signed as of `at`: exactly what its page sends.
 */
export async function providerDeliveries(app: SandboxApp, clientSecret: string, outcome: SandboxOutcome, at = new Date()): Promise<SandboxDelivery[]> {
  const intent = await app.sandbox.intentBySecret(clientSecret);
  if (!intent) throw new Error("no sandbox intent for that client secret");
  const status = outcome.status === "succeeded" ? "succeeded" : "requires_payment_method";
  const lastError = outcome.status === "failed" ? { code: "card_declined", decline_code: outcome.reason, message: outcome.description } : null;
  return app.sandbox.flavour.deliveries({ ...intent, status, lastError }, outcome, at);
}

/** POSTs one delivery to the app as the provider would, with its headers changed by `headers`. */
export function deliver(app: RunningApp, delivery: SandboxDelivery, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${delivery.path}`, { method: "POST", headers: { "content-type": "application/json", ...delivery.headers, ...headers }, body: delivery.body });
}

/** The id a delivery is stored under: Stripe's is in the body, Razorpay's in `x-razorpay-event-id`. */
export const deliveryEventId = (delivery: SandboxDelivery): string => delivery.headers["x-razorpay-event-id"] ?? (JSON.parse(delivery.body) as { id: string }).id;

/** What the worker's reconciliation job runs with, on `app`'s database and sandbox, at the moment `now` (deliveries dropped). */
export const reconcileAt = (app: SandboxApp, now: Date): ReconcileDeps => ({
  db: app.db,
  clock: { now: () => now },
  ids: timeOrderedIds,
  log: createLogger(app.env, "worker"),
  provider: app.sandbox,
  deliver: () => undefined,
});
