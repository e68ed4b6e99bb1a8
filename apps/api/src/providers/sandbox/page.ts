import { formatMoney, money } from "@bbscart/core";
import type { SandboxIntent } from "./store.js";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** No scripts, no external assets: one inline stylesheet admitted by the response's CSP nonce. */
const styles = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1c1e21}
.banner{background:#b00020;color:#fff;text-align:center;font-weight:700;padding:.5rem;letter-spacing:.03em}
main{max-width:26rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.25rem;margin:0 0 .25rem}
h2{font-size:1rem;margin:1.5rem 0 0}
.amount{font-size:1.75rem;font-weight:700;margin:0 0 1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;font:inherit;padding:.65rem .75rem;border:1px solid #8a8f98;border-radius:8px}
input:focus{outline:3px solid #3b6ef5;outline-offset:1px}
.row{display:flex;gap:.75rem}.row>div{flex:1}
button{width:100%;font:inherit;font-weight:700;margin-top:1.25rem;padding:.8rem;border:0;border-radius:8px;background:#1a56db;color:#fff;cursor:pointer}
button.secondary{background:#e4e6eb;color:#1c1e21;margin-top:.75rem}
.error{background:#fdecea;color:#8a1c1c;border-radius:8px;padding:.6rem .75rem;margin:0 0 .75rem}
.hint{font-size:.875rem;color:#4b4f56;margin-top:1rem}
.hint code{background:#eef0f3;padding:.05rem .3rem;border-radius:4px}`;

function layout(nonce: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} — BBSCART sandbox</title><style nonce="${nonce}">${styles}</style></head>
<body><div class="banner" role="note">SANDBOX — no real money</div><main><div class="card">${body}</div></main></body></html>`;
}

const hidden = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");

const amountOf = (intent: SandboxIntent) => escapeHtml(formatMoney(money(intent.amountMinor, intent.currency)));

/** Razorpay's UPI step: a UPI id, the test ids listed (a collect request the shopper "approves" in their app). */
function upiSection(intent: SandboxIntent, returnUrl: string): string {
  return `<form method="post" action="/sandbox/pay/upi">${hidden({ client_secret: intent.clientSecret, return_url: returnUrl })}
<label for="vpa">UPI ID</label>
<input id="vpa" name="vpa" autocomplete="off" required maxlength="100" placeholder="success@razorpay">
<button type="submit">Pay ${amountOf(intent)} by UPI</button></form>
<p class="hint">Test UPI IDs: <code>success@razorpay</code> is approved, <code>failure@razorpay</code> is declined,
<code>timeout@razorpay</code> is never approved and times out.</p>
<h2>Or pay by card</h2>`;
}

/**
 * The payment form: labelled inputs with the browser's card autofill hints, the test numbers listed;
 * the Razorpay flavour puts UPI first, as Razorpay Checkout does for Indian shoppers.
 */
export function cardForm(nonce: string, intent: SandboxIntent, returnUrl: string, error: string | null, withUpi = false): string {
  const title = withUpi ? "Pay by UPI or card" : "Pay by card";
  return layout(
    nonce,
    title,
    `<h1>${title}</h1><p class="amount">${amountOf(intent)}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}${withUpi ? upiSection(intent, returnUrl) : ""}
<form method="post" action="/sandbox/pay">${hidden({ client_secret: intent.clientSecret, return_url: returnUrl })}
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required maxlength="23" placeholder="4242 4242 4242 4242">
<div class="row"><div><label for="expiry">Expiry (MM/YY)</label><input id="expiry" name="expiry" autocomplete="cc-exp" required maxlength="7" placeholder="12/34"></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required maxlength="4" placeholder="123"></div></div>
<button type="submit">Pay ${amountOf(intent)}</button></form>
<p class="hint">Test cards: <code>4242 4242 4242 4242</code> succeeds, <code>4000 0000 0000 0002</code> is declined,
<code>4000 0025 0000 3155</code> asks for an extra confirmation. Any future expiry and any CVC.</p>`,
  );
}

/** The extra confirmation step a "requires action" card asks for (3-D Secure in real life). */
export function authoriseForm(nonce: string, intent: SandboxIntent, returnUrl: string): string {
  const fields = hidden({ client_secret: intent.clientSecret, return_url: returnUrl });
  return layout(
    nonce,
    "Authorise payment",
    `<h1>Authorise this payment</h1><p class="amount">${amountOf(intent)}</p>
<p>Your bank asks you to confirm this payment.</p>
<form method="post" action="/sandbox/pay/authorise">${fields}<button type="submit" name="decision" value="authorise">Authorise</button>
<button type="submit" name="decision" value="fail" class="secondary">Fail authentication</button></form>`,
  );
}

export function messagePage(nonce: string, title: string, message: string): string {
  return layout(nonce, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
