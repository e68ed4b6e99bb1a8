import type { PaymentProvider } from "@bbscart/core";
import type { Redis } from "ioredis";
import Stripe from "stripe";
import type { Secrets } from "../config/secrets.js";
import type { Env } from "../env.js";
import { SandboxPaymentProvider } from "./sandbox-provider.js";
import { SandboxStore } from "./sandbox-store.js";
import { StripeSignatures } from "./stripe-events.js";
import { stripeClient, StripePaymentProvider } from "./stripe-provider.js";

export type PaymentEnv = Pick<Env, "PAYMENT_PROVIDER" | "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_TOLERANCE_SECONDS" | "REDIS_PREFIX">;

/** Webhook signatures with the secret every process of the installation shares. */
export function stripeSignatures(env: Pick<Env, "STRIPE_WEBHOOK_TOLERANCE_SECONDS">, secrets: Pick<Secrets, "webhookSecret">): StripeSignatures {
  return new StripeSignatures(Stripe.webhooks, secrets.webhookSecret, env.STRIPE_WEBHOOK_TOLERANCE_SECONDS);
}

/** The provider `PAYMENT_PROVIDER` names (env.ts has already refused stripe without its key). */
export function createPaymentProvider(env: PaymentEnv, redis: Redis, secrets: Pick<Secrets, "webhookSecret">): PaymentProvider {
  const signatures = stripeSignatures(env, secrets);
  if (env.PAYMENT_PROVIDER === "sandbox") return new SandboxPaymentProvider(new SandboxStore(redis, env.REDIS_PREFIX), signatures);
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is required for the stripe provider");
  return new StripePaymentProvider(stripeClient(env.STRIPE_SECRET_KEY), signatures);
}
