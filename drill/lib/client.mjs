/**
 * How a drill client talks to the shop while processes die under it: each call goes to one API
 * process and, when it fails in a way that says nothing (connection refused or reset, timeout,
 * 5xx, 429), again to the other one — with the same input, so an idempotency key stays the same.
 * Calls marked not idempotent are retried only when the request never left
 * (connection refused). A 4xx is the shop's answer and is returned, not retried.
 */
import { setTimeout as delay } from "node:timers/promises";
import { mutate, query, TrpcError } from "../../bench/lib/trpc.mjs";

/** How long one call keeps trying before the client gives up on it (it stays unacknowledged). */
const CALL_DEADLINE_MS = 12_000;
/** One request's own limit: a killed server can leave a socket hanging. */
const REQUEST_TIMEOUT_MS = 5_000;

const retryableStatus = (status) => status === 429 || status >= 500;

function networkCode(error) {
  return error?.cause?.code ?? error?.code ?? error?.name ?? "ERROR";
}

export class DrillClient {
  /** `home` picks which API process this client tries first, so clients spread over both. */
  constructor({ apis, home, stats, login }) {
    this.apis = apis;
    this.home = home;
    this.stats = stats;
    this.login = login ?? null;
    this.token = null;
  }

  api(attempt) {
    return this.apis[(this.home + attempt) % this.apis.length];
  }

  /**
   * Runs `send(baseUrl)` until it answers, is refused (4xx), or the deadline passes.
   * `idempotent: false` retries only requests that never reached a server.
   * Returns { ok: true, value } | { ok: false, refused: { status, reason, message } } | { ok: false, unknown: code }.
   */
  async attempt(label, send, { idempotent = true } = {}) {
    const deadline = Date.now() + CALL_DEADLINE_MS;
    let relogged = false;
    for (let attempt = 0; ; attempt++) {
      const api = this.api(attempt);
      this.stats.requests += 1;
      let code;
      try {
        return { ok: true, value: await send(api.baseUrl) };
      } catch (error) {
        if (error instanceof TrpcError && error.status === 401 && this.login && !relogged) {
          // An access token lives 15 minutes: a long run signs in again and repeats the call.
          relogged = true;
          this.token = await this.login(this);
          continue;
        }
        if (error instanceof TrpcError && !retryableStatus(error.status)) {
          return { ok: false, refused: { status: error.status, reason: error.data?.reason ?? error.data?.code ?? null, message: error.message } };
        }
        code = error instanceof TrpcError ? `HTTP ${error.status}` : networkCode(error);
        this.stats.failures[code] = (this.stats.failures[code] ?? 0) + 1;
        const neverSent = code === "ECONNREFUSED";
        if (!idempotent && !neverSent) return { ok: false, unknown: code };
      }
      if (Date.now() > deadline) {
        this.stats.gaveUp[label] = (this.stats.gaveUp[label] ?? 0) + 1;
        return { ok: false, unknown: code };
      }
      this.stats.retries += 1;
      await delay(100 + attempt * 50);
    }
  }

  mutate(procedure, input, options) {
    return this.attempt(procedure, (base) => mutate(base, procedure, input, { token: this.token, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((r) => r.data), options);
  }

  query(procedure, input) {
    return this.attempt(procedure, (base) => query(base, procedure, input, { token: this.token, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((r) => r.data));
  }

  /**
   * The browser's side of a sandbox card payment: the card page opened, its form posted to
   * /sandbox/pay (and the "Authorise" step for a 3-D Secure card), following nothing but reading the
   * 303's answer. Repeatable: the sandbox moves an intent only from the states a payment may start from.
   */
  payByCard(clientSecret, returnUrl, cardNumber) {
    return this.payOnPage(clientSecret, returnUrl, "/sandbox/pay", { card_number: cardNumber, expiry: "12/34", cvc: "123" });
  }

  /** The same on the Razorpay-flavoured page's UPI form: a collect request the test UPI id approves or declines. */
  payByUpi(clientSecret, returnUrl, vpa) {
    return this.payOnPage(clientSecret, returnUrl, "/sandbox/pay/upi", { vpa });
  }

  async payOnPage(clientSecret, returnUrl, pathName, fields) {
    const form = (more) => ({
      method: "POST",
      redirect: /** @type {const} */ ("manual"),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: clientSecret, return_url: returnUrl, ...more }).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const post = async (base, path, more) => {
      const response = await fetch(`${base}${path}`, form(more));
      await response.arrayBuffer();
      if (response.status === 303) return { status: outcomeOf(new URL(response.headers.get("location") ?? "", base).searchParams) };
      if (response.status === 200) return { status: "authorise" };
      throw new TrpcError(path, response.status, {});
    };
    // The page first, as the browser opens it (the client secret in the query is its credential).
    const page = await this.attempt("sandbox.page", async (base) => {
      const query = new URLSearchParams({ client_secret: clientSecret, return_url: returnUrl });
      const response = await fetch(`${base}/sandbox/pay?${query}`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      if (response.status !== 200 && response.status !== 303) throw new TrpcError("/sandbox/pay", response.status, {});
    });
    if (!page.ok) return page;
    const paid = await this.attempt("sandbox.pay", (base) => post(base, pathName, fields));
    if (!paid.ok || paid.value.status !== "authorise") return paid;
    return this.attempt("sandbox.authorise", (base) => post(base, "/sandbox/pay/authorise", { decision: "authorise" }));
  }
}

/**
 * How the attempt ended, from the return address: Stripe's `redirect_status`, or what Razorpay
 * Checkout's handler hands back (a signed payment id on success, an `error_reason` otherwise).
 */
function outcomeOf(query) {
  if (query.has("redirect_status")) return query.get("redirect_status");
  if (query.has("razorpay_payment_id")) return "succeeded";
  return query.has("error_reason") ? "failed" : null;
}
