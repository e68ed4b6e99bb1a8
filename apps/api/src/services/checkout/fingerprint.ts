import { createHash } from "node:crypto";
import type { Cart } from "@bbscart/core";

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url");

/**
 * The fingerprint an idempotency key is stored with: the request body (address, delivery
 * option, payment method) and the cart it was placed from (lines, coupon, last change), hashed
 * apart as `body.cart`, so a replay can tell "same request" from "same key, other request".
 */
export function checkoutFingerprint(
  body: { addressId?: string | undefined; address?: unknown; deliveryOptionId: string; paymentMethod: string; guest?: unknown; buyer?: unknown },
  cart: Cart | null,
): string {
  // A guest's contact and body lines, and a business buyer, are part of the request; without them the
  // hash stays as it was, so keys stored before either existed still replay.
  const guest = body.guest === undefined ? [] : [body.guest];
  const buyer = body.buyer ? [{ buyer: body.buyer }] : [];
  const bodyHash = hash([body.addressId ?? null, body.address ?? null, body.deliveryOptionId, body.paymentMethod, ...guest, ...buyer]);
  const lines = [...(cart?.lines ?? [])]
    .sort((a, b) => a.variantId.localeCompare(b.variantId))
    .map((line) => [line.variantId, line.quantity, line.unitPrice.minor, line.unitPrice.currency]);
  return `${bodyHash}.${hash([lines, cart?.couponCode ?? null, cart?.updatedAt.toISOString() ?? null])}`;
}

/**
 * The fingerprint a repeated request is compared with. The order it repeats consumed its
 * cart, so an empty cart stands for that cart: the same body with the cart now empty is the
 * same request; the same key over a new, different cart is not.
 */
export function replayFingerprint(current: string, stored: string, cartIsEmpty: boolean): string {
  const [body] = current.split(".");
  const [, storedCart] = stored.split(".");
  return cartIsEmpty ? `${body}.${storedCart}` : current;
}
