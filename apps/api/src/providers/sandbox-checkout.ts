import { randomBytes } from "node:crypto";
import type { Logger } from "../logger.js";
import type { SandboxPaymentProvider } from "./sandbox-provider.js";
import type { SandboxIntent } from "./sandbox-store.js";
import type { StripeSignatures } from "./stripe-events.js";

/** Stripe's test card numbers the sandbox honours, and what each does. */
export const sandboxCards = {
  "4242424242424242": "succeeds",
  "4000000000000002": "declines",
  "4000002500003155": "requires_action",
} as const;

export type CardOutcome = (typeof sandboxCards)[keyof typeof sandboxCards];

export function cardOutcome(cardNumber: string): CardOutcome | null {
  const digits = cardNumber.replace(/[\s-]/g, "");
  return Object.hasOwn(sandboxCards, digits) ? sandboxCards[digits as keyof typeof sandboxCards] : null;
}

const declined = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." };
const authenticationFailed = {
  code: "payment_intent_authentication_failure",
  decline_code: "authentication_failure",
  message: "The card's issuer could not authenticate this payment.",
};

/** The result the card page shows or redirects with: Stripe's `redirect_status`, or the extra step. */
export type Attempt = { kind: "redirect"; status: "succeeded" | "failed"; intent: SandboxIntent } | { kind: "authorise"; intent: SandboxIntent };

/** A Stripe-format event about an intent, as Stripe would send it in test mode. */
export function sandboxIntentEvent(type: string, intent: SandboxIntent, now: Date): string {
  return JSON.stringify({
    id: `evt_sandbox_${randomBytes(12).toString("hex")}`,
    object: "event",
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    type,
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amountMinor,
        amount_received: intent.status === "succeeded" ? intent.amountMinor : 0,
        currency: intent.currency.toLowerCase(),
        status: intent.status,
        metadata: intent.metadata,
        last_payment_error: intent.lastError,
      },
    },
  });
}

/** Attempts at delivering one webhook before leaving the repair to reconciliation (which asks the sandbox). */
const deliveryAttempts = 3;

/**
 * What the sandbox card page does with a card: moves the intent as Stripe's test mode would, and
 * POSTs the resulting event, signed with the shared webhook secret, to `${publicUrl}/webhooks/stripe`
 * — the same route and the same processing Stripe's events go through.
 */
export function sandboxCheckout(deps: { provider: SandboxPaymentProvider; signatures: StripeSignatures; publicUrl: string; log: Logger; now: () => Date }) {
  const { provider } = deps;

  async function send(type: string, intent: SandboxIntent): Promise<void> {
    const payload = sandboxIntentEvent(type, intent, deps.now());
    for (let attempt = 1; attempt <= deliveryAttempts; attempt++) {
      try {
        const response = await fetch(`${deps.publicUrl}/webhooks/stripe`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": deps.signatures.sign(payload) },
          body: payload,
        });
        if (response.ok) return;
        deps.log.warn({ status: response.status, intentId: intent.id, attempt }, "sandbox webhook refused");
      } catch (error) {
        deps.log.warn({ err: error, intentId: intent.id, attempt }, "sandbox webhook not delivered");
      }
    }
  }

  async function succeed(intent: SandboxIntent): Promise<Attempt> {
    const moved = await provider.transition(intent, ["requires_payment_method", "requires_action"], "succeeded");
    if (moved?.moved) await send("payment_intent.succeeded", moved.intent);
    const now = moved?.intent ?? intent;
    return { kind: "redirect", status: now.status === "succeeded" ? "succeeded" : "failed", intent: now };
  }

  async function fail(intent: SandboxIntent, from: "requires_payment_method" | "requires_action", error: SandboxIntent["lastError"]): Promise<Attempt> {
    const moved = await provider.transition(intent, [from], "requires_payment_method", error);
    if (moved?.moved) await send("payment_intent.payment_failed", moved.intent);
    return { kind: "redirect", status: moved?.intent.status === "succeeded" ? "succeeded" : "failed", intent: moved?.intent ?? intent };
  }

  return {
    /** The card form was submitted with a known test card. */
    async pay(intent: SandboxIntent, outcome: CardOutcome): Promise<Attempt> {
      if (intent.status === "succeeded") return { kind: "redirect", status: "succeeded", intent };
      if (outcome === "succeeds") return succeed(intent);
      if (outcome === "declines") return fail(intent, "requires_payment_method", declined);
      const moved = await provider.transition(intent, ["requires_payment_method"], "requires_action");
      return { kind: "authorise", intent: moved?.intent ?? intent };
    },

    /** The extra confirmation step ("3-D Secure") was answered. */
    async authorise(intent: SandboxIntent, approved: boolean): Promise<Attempt> {
      return approved ? succeed(intent) : fail(intent, "requires_action", authenticationFailed);
    },
  };
}

export type SandboxCheckout = ReturnType<typeof sandboxCheckout>;
