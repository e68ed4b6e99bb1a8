import type { PaymentProvider } from "@bbscart/core";
import type { Redis } from "ioredis";
import Stripe from "stripe";
import type { Secrets } from "../config/secrets.js";
import type { Env } from "../env.js";
import { RazorpayCheckoutSignatures, RazorpaySignatures } from "./razorpay/events.js";
import { razorpayClient, RazorpayPaymentProvider } from "./razorpay/provider.js";
import { razorpayFlavour, stripeFlavour, type SandboxFlavour } from "./sandbox/flavours.js";
import { SandboxPaymentProvider } from "./sandbox/provider.js";
import { SandboxStore } from "./sandbox/store.js";
import { StripeSignatures } from "./stripe/events.js";
import { stripeClient, StripePaymentProvider } from "./stripe/provider.js";

export type PaymentEnv = Pick<
  Env,
  | "PAYMENT_PROVIDER"
  | "SANDBOX_FLAVOUR"
  | "STRIPE_SECRET_KEY"
  | "STRIPE_WEBHOOK_TOLERANCE_SECONDS"
  | "RAZORPAY_KEY_ID"
  | "RAZORPAY_KEY_SECRET"
  | "RAZORPAY_WEBHOOK_SECRET"
  | "RAZORPAY_WEBHOOK_TOLERANCE_SECONDS"
  | "REDIS_PREFIX"
>;

/** Webhook signatures with the secret every process of the installation shares. */
export function stripeSignatures(env: Pick<Env, "STRIPE_WEBHOOK_TOLERANCE_SECONDS">, secrets: Pick<Secrets, "webhookSecret">): StripeSignatures {
  return new StripeSignatures(Stripe.webhooks, secrets.webhookSecret, env.STRIPE_WEBHOOK_TOLERANCE_SECONDS);
}

/** The key id the Razorpay-flavoured sandbox names: public, like a real one, and never a real account's. */
export const sandboxRazorpayKeyId = "rzp_test_sandbox";

/**
 * What the sandbox imitates. It signs webhooks and checkout results with the installation's generated
 * webhook secret, which every process shares, so no Razorpay key is needed to try the flow.
 */
export function sandboxFlavour(env: Pick<Env, "SANDBOX_FLAVOUR" | "STRIPE_WEBHOOK_TOLERANCE_SECONDS" | "RAZORPAY_WEBHOOK_TOLERANCE_SECONDS">, secrets: Pick<Secrets, "webhookSecret">): SandboxFlavour {
  if (env.SANDBOX_FLAVOUR === "stripe") return stripeFlavour(stripeSignatures(env, secrets));
  const signatures = new RazorpaySignatures(secrets.webhookSecret, env.RAZORPAY_WEBHOOK_TOLERANCE_SECONDS);
  return razorpayFlavour(signatures, new RazorpayCheckoutSignatures(secrets.webhookSecret), sandboxRazorpayKeyId);
}

/** The provider `PAYMENT_PROVIDER` names (env.ts has already refused stripe or razorpay without their keys). */
export function createPaymentProvider(env: PaymentEnv, redis: Redis, secrets: Pick<Secrets, "webhookSecret">): PaymentProvider {
  if (env.PAYMENT_PROVIDER === "sandbox") return new SandboxPaymentProvider(new SandboxStore(redis, env.REDIS_PREFIX), sandboxFlavour(env, secrets));
  if (env.PAYMENT_PROVIDER === "razorpay") {
    const { RAZORPAY_KEY_ID: keyId, RAZORPAY_KEY_SECRET: keySecret, RAZORPAY_WEBHOOK_SECRET: webhookSecret } = env;
    if (!keyId || !keySecret || !webhookSecret) throw new Error("RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET are required for the razorpay provider");
    return new RazorpayPaymentProvider(
      razorpayClient(keyId, keySecret),
      keyId,
      new RazorpayCheckoutSignatures(keySecret),
      new RazorpaySignatures(webhookSecret, env.RAZORPAY_WEBHOOK_TOLERANCE_SECONDS),
    );
  }
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is required for the stripe provider");
  return new StripePaymentProvider(stripeClient(env.STRIPE_SECRET_KEY), stripeSignatures(env, secrets));
}
