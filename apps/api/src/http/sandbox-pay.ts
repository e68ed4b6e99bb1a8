import { randomBytes } from "node:crypto";
import express, { type Response } from "express";
import { cardOutcome, upiOutcome, type Attempt, type SandboxCheckout } from "../providers/sandbox/checkout.js";
import { authoriseForm, cardForm, messagePage } from "../providers/sandbox/page.js";
import type { SandboxPaymentProvider } from "../providers/sandbox/provider.js";

/**
 * Where a shopper may be sent back to: a path of this shop, or a page of the web app's own origins.
 * Anything else would make the sandbox an open redirect.
 */
function returnTarget(value: unknown, allowedOrigins: readonly string[]): URL | null {
  if (typeof value !== "string" || value.length > 2_000) return null;
  if (/^\/(?![/\\])/.test(value)) return new URL(value, "http://relative.invalid");
  try {
    const url = new URL(value);
    return allowedOrigins.includes(url.origin) ? url : null;
  } catch {
    return null;
  }
}

/** Back to the shop with what the imitated provider hands it: Stripe's redirect query, or Razorpay Checkout's handler response. */
function redirectLocation(target: URL, attempt: Extract<Attempt, { kind: "redirect" }>, provider: SandboxPaymentProvider): string {
  const url = new URL(target.href);
  for (const [name, value] of Object.entries(provider.flavour.returnQuery(attempt.intent, attempt.outcome))) url.searchParams.set(name, value);
  return url.origin === "http://relative.invalid" ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

/**
 * The sandbox payment page: what Stripe's hosted confirmation, or Razorpay Checkout, is in test mode. Plain HTML forms, no
 * script, a strict CSP (one nonce'd stylesheet; forms may post only here and return only to the
 * shop). The client secret in the query is the page's only credential, as with Stripe.
 */
export function sandboxPayRoutes(deps: { provider: SandboxPaymentProvider; checkout: SandboxCheckout; allowedOrigins: readonly string[] }) {
  const routes = express.Router();
  const form = express.urlencoded({ extended: false, limit: "8kb" });
  // CSP host sources cannot name an IPv6 literal ([::1]); browsers reject the whole source with a
  // console error. A page served from such an origin is covered by 'self'.
  const formTargets = ["'self'", ...deps.allowedOrigins.filter((origin) => !new URL(origin).hostname.startsWith("["))].join(" ");
  const withUpi = deps.provider.flavour.name === "razorpay";

  const send = (res: Response, status: number, render: (nonce: string) => string) => {
    const nonce = randomBytes(16).toString("base64");
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'nonce-${nonce}'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
    );
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.status(status).type("html").send(render(nonce));
  };

  /** The intent and return target a request names, or the error page already sent. */
  async function load(res: Response, source: Record<string, unknown>) {
    const target = returnTarget(source.return_url, deps.allowedOrigins);
    if (!target) {
      send(res, 400, (n) => messagePage(n, "Cannot take this payment", "return_url must be a page of this shop."));
      return null;
    }
    const secret = typeof source.client_secret === "string" ? source.client_secret : "";
    const intent = secret ? await deps.provider.intentBySecret(secret) : null;
    if (!intent) {
      send(res, 404, (n) => messagePage(n, "Payment not found", "This payment link is not valid. Go back to the shop and try again."));
      return null;
    }
    if (intent.status === "canceled") {
      send(res, 409, (n) => messagePage(n, "Payment cancelled", "This payment was cancelled; nothing was charged."));
      return null;
    }
    return { intent, target, returnUrl: source.return_url as string };
  }

  const finish = (res: Response, loaded: NonNullable<Awaited<ReturnType<typeof load>>>, attempt: Attempt) => {
    if (attempt.kind === "authorise") send(res, 200, (n) => authoriseForm(n, attempt.intent, loaded.returnUrl));
    else res.redirect(303, redirectLocation(loaded.target, attempt, deps.provider));
  };

  routes.get("/sandbox/pay", async (req, res) => {
    const loaded = await load(res, req.query);
    if (!loaded) return;
    if (loaded.intent.status === "succeeded") return finish(res, loaded, { kind: "redirect", outcome: { status: "succeeded" }, intent: loaded.intent });
    send(res, 200, (n) => cardForm(n, loaded.intent, loaded.returnUrl, null, withUpi));
  });

  routes.post("/sandbox/pay", form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const loaded = await load(res, body);
    if (!loaded) return;
    const outcome = cardOutcome(typeof body.card_number === "string" ? body.card_number : "");
    if (!outcome) {
      const error = "Use one of the sandbox test cards listed below.";
      return send(res, 422, (n) => cardForm(n, loaded.intent, loaded.returnUrl, error, withUpi));
    }
    finish(res, loaded, await deps.checkout.pay(loaded.intent, outcome));
  });

  routes.post("/sandbox/pay/upi", form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const loaded = await load(res, body);
    if (!loaded) return;
    const outcome = withUpi ? upiOutcome(typeof body.vpa === "string" ? body.vpa : "") : null;
    if (!outcome) {
      const error = withUpi ? "Use one of the sandbox test UPI IDs listed below." : "This sandbox imitates Stripe, which takes cards only.";
      return send(res, 422, (n) => cardForm(n, loaded.intent, loaded.returnUrl, error, withUpi));
    }
    finish(res, loaded, await deps.checkout.payByUpi(loaded.intent, outcome));
  });

  routes.post("/sandbox/pay/authorise", form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const loaded = await load(res, body);
    if (!loaded) return;
    finish(res, loaded, await deps.checkout.authorise(loaded.intent, body.decision === "authorise"));
  });

  return routes;
}
