import { refundProviderKey, type IntentOwner, type PaymentPurpose } from "@bbscart/core";

/**
 * What we store on every intent and refund we create, so the provider's events name our own records:
 * processing checks an event against these before it applies anything. The same keys for Stripe and
 * the sandbox, because both speak Stripe's wire format.
 */
const keys = { kind: "bbscart_kind", id: "bbscart_id", customer: "bbscart_customer", refundKey: "bbscart_refund_key" } as const;

export function intentMetadata(purpose: PaymentPurpose, customerId: string): Record<string, string> {
  return { [keys.kind]: purpose.kind, [keys.id]: purpose.id, [keys.customer]: customerId };
}

/** The owner written by {@link intentMetadata}, or null for an intent we did not create (or metadata edited by hand). */
export function intentOwner(metadata: Readonly<Record<string, string>> | null | undefined): IntentOwner | null {
  const kind = metadata?.[keys.kind];
  const id = metadata?.[keys.id];
  const customerId = metadata?.[keys.customer];
  if ((kind !== "order" && kind !== "top_up") || !id || !customerId) return null;
  return { kind, id, customerId };
}

export function refundMetadata(idempotencyKey: string): Record<string, string> {
  return { [keys.refundKey]: idempotencyKey };
}

/** Our refund id from a refund's metadata (its key is `refundProviderKey(refundId)`), or null when the refund is not ours. */
export function ourRefundId(metadata: Readonly<Record<string, string>> | null | undefined): string | null {
  const key = metadata?.[keys.refundKey];
  const prefix = refundProviderKey("");
  return key?.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : null;
}
