import type { Logger } from "../../logger.js";
import type { SandboxPaymentProvider } from "./provider.js";
import type { SandboxIntent } from "./store.js";
import type { SandboxOutcome } from "./flavours.js";

/** Stripe's test card numbers the sandbox honours, and what each does. */
export const sandboxCards = {
  "4242424242424242": "succeeds",
  "4000000000000002": "declines",
  "4000002500003155": "requires_action",
} as const;

export type CardOutcome = (typeof sandboxCards)[keyof typeof sandboxCards];

/** What a test value (a card number, a UPI id) does, from its table; null for a value the sandbox does not know. */
function outcomeIn<T extends Readonly<Record<string, string>>>(table: T, value: string): T[keyof T] | null {
  return Object.hasOwn(table, value) ? table[value as keyof T] : null;
}

export const cardOutcome = (cardNumber: string): CardOutcome | null => outcomeIn(sandboxCards, cardNumber.replace(/[\s-]/g, ""));

const declined = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." };
const upiDeclined = { code: "BAD_REQUEST_ERROR", decline_code: "payment_failed", message: "The UPI app declined the collect request." };
const upiTimedOut = { code: "BAD_REQUEST_ERROR", decline_code: "payment_timed_out", message: "The UPI collect request was not approved in time." };
const authenticationFailed = {
  code: "payment_intent_authentication_failure",
  decline_code: "authentication_failure",
  message: "The card's issuer could not authenticate this payment.",
};

/** Razorpay's test UPI ids the sandbox honours (Razorpay's test mode uses `success@razorpay` and `failure@razorpay`), and what each does. */
export const sandboxUpiIds = {
  "success@razorpay": "succeeds",
  "failure@razorpay": "declines",
  "timeout@razorpay": "times_out",
} as const;

export type UpiOutcome = (typeof sandboxUpiIds)[keyof typeof sandboxUpiIds];

export const upiOutcome = (vpa: string): UpiOutcome | null => outcomeIn(sandboxUpiIds, vpa.trim().toLowerCase());

/** The result the page shows or returns with: the outcome the shop is told, or the extra step. */
export type Attempt = { kind: "redirect"; outcome: SandboxOutcome; intent: SandboxIntent } | { kind: "authorise"; intent: SandboxIntent };

/** Attempts at delivering one webhook before leaving the repair to reconciliation (which asks the sandbox). */
const deliveryAttempts = 3;

const outcomeOf = (intent: SandboxIntent): SandboxOutcome =>
  intent.status === "succeeded"
    ? { status: "succeeded" }
    : { status: "failed", reason: intent.lastError?.decline_code ?? "payment_failed", description: intent.lastError?.message ?? "The payment failed." };

/**
 * What the sandbox page does with a card or a UPI id: moves the intent as the imitated provider's
 * test mode would, and POSTs the webhooks it would send, signed with the shared webhook secret, to
 * our own `/webhooks/<provider>` — the same route and the same processing the provider's events go through.
 */
export function sandboxCheckout(deps: { provider: SandboxPaymentProvider; publicUrl: string; log: Logger; now: () => Date }) {
  const { provider } = deps;

  async function send(intent: SandboxIntent, outcome: SandboxOutcome): Promise<void> {
    for (const delivery of provider.flavour.deliveries(intent, outcome, deps.now())) {
      for (let attempt = 1; attempt <= deliveryAttempts; attempt++) {
        try {
          const response = await fetch(`${deps.publicUrl}${delivery.path}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...delivery.headers },
            body: delivery.body,
          });
          if (response.ok) break;
          deps.log.warn({ status: response.status, intentId: intent.id, attempt }, "sandbox webhook refused");
        } catch (error) {
          deps.log.warn({ err: error, intentId: intent.id, attempt }, "sandbox webhook not delivered");
        }
      }
    }
  }

  async function succeed(intent: SandboxIntent): Promise<Attempt> {
    const moved = await provider.transition(intent, ["requires_payment_method", "requires_action"], "succeeded");
    if (moved?.moved) await send(moved.intent, { status: "succeeded" });
    const now = moved?.intent ?? intent;
    return { kind: "redirect", outcome: outcomeOf(now), intent: now };
  }

  async function fail(intent: SandboxIntent, from: "requires_payment_method" | "requires_action", error: NonNullable<SandboxIntent["lastError"]>): Promise<Attempt> {
    const moved = await provider.transition(intent, [from], "requires_payment_method", error);
    const now = moved?.intent ?? intent;
    if (moved?.moved) await send(now, outcomeOf(now));
    return { kind: "redirect", outcome: outcomeOf(now), intent: now };
  }

  return {
    /** The card form was submitted with a known test card. */
    async pay(intent: SandboxIntent, outcome: CardOutcome): Promise<Attempt> {
      if (intent.status === "succeeded") return { kind: "redirect", outcome: outcomeOf(intent), intent };
      if (outcome === "succeeds") return succeed(intent);
      if (outcome === "declines") return fail(intent, "requires_payment_method", declined);
      const moved = await provider.transition(intent, ["requires_payment_method"], "requires_action");
      return { kind: "authorise", intent: moved?.intent ?? intent };
    },

    /** A UPI collect request to a test UPI id: approved, declined, or never answered (it times out). */
    async payByUpi(intent: SandboxIntent, outcome: UpiOutcome): Promise<Attempt> {
      if (intent.status === "succeeded") return { kind: "redirect", outcome: outcomeOf(intent), intent };
      if (outcome === "succeeds") return succeed(intent);
      return fail(intent, "requires_payment_method", outcome === "declines" ? upiDeclined : upiTimedOut);
    },

    /** The extra confirmation step ("3-D Secure") was answered. */
    async authorise(intent: SandboxIntent, approved: boolean): Promise<Attempt> {
      return approved ? succeed(intent) : fail(intent, "requires_action", authenticationFailed);
    },
  };
}

export type SandboxCheckout = ReturnType<typeof sandboxCheckout>;
