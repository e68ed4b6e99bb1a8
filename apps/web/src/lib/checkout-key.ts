const attemptPrefix = "bbscart.checkout.";

function randomKey(): string {
  return `co_${crypto.randomUUID().replaceAll("-", "")}`;
}

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

/**
 * The idempotency key of the checkout attempt for this cart. It is created once and kept in
 * sessionStorage (it is no secret) until the order is placed, so a double click, a retry after a
 * network error or a reload mid-submit all send the same key and the API places one order.
 * `cartSignature` changes when the cart does, which starts a new attempt.
 */
export function checkoutKey(cartSignature: string): string {
  const storageKey = attemptPrefix + cartSignature;
  const existing = read<string>(storageKey);
  if (existing) return existing;
  const fresh = randomKey();
  sessionStorage.setItem(storageKey, JSON.stringify(fresh));
  return fresh;
}

/** The order exists: the next checkout is a new attempt with a new key. */
export function finishCheckout(cartSignature: string): void {
  sessionStorage.removeItem(attemptPrefix + cartSignature);
}

/** The sandbox card page for a payment, and the page of ours it returns to afterwards. */
export function cardPaymentUrl(clientSecret: string, returnUrl: string): string {
  const params = new URLSearchParams({ client_secret: clientSecret, return_url: returnUrl });
  return `/sandbox/pay?${params.toString()}`;
}

/** The order page a payment returns to, which waits for the webhook. */
export const orderReturnPath = (orderId: string) => `/orders/${orderId}?paid=1`;

/** A fresh idempotency key for a one-off request (a wallet top-up form). */
export const newRequestKey = randomKey;
