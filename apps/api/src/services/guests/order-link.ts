import { createHmac, timingSafeEqual } from "node:crypto";
import type { Notification } from "@bbscart/core";

const mac = (secret: string, orderId: string, expires: number) => createHmac("sha256", secret).update(`order-link:${orderId}:${expires}`).digest("base64url");

/**
 * Signed order links (ADR 142): `<orderId>.<expiry, unix seconds>.<HMAC-SHA256 of both>`. Nothing
 * is stored — the worker derives the link for each message with the server's secret — so no usable
 * link rests in the database or the outbox, and changing the secret retires every link at once.
 */
export function orderLinks(secret: string, ttlDays: number) {
  return {
    /** A token opening `orderId` until `now` + the link lifetime. */
    sign(orderId: string, now: Date): string {
      const expires = Math.floor(now.getTime() / 1000) + ttlDays * 86_400;
      return `${orderId}.${expires}.${mac(secret, orderId, expires)}`;
    },
    /**
     * The order a token opens, or null when it is malformed, tampered with or expired — one answer
     * for all three, and the MAC compared in constant time so timing tells nothing either.
     */
    verify(token: string, now: Date): string | null {
      const parts = token.split(".");
      if (parts.length !== 3) return null;
      const [orderId = "", expiresText = "", given = ""] = parts;
      if (!/^[1-9][0-9]{0,11}$/.test(expiresText) || orderId === "") return null;
      const expires = Number(expiresText);
      const expected = Buffer.from(mac(secret, orderId, expires));
      const actual = Buffer.from(given);
      const intact = actual.length === expected.length && timingSafeEqual(actual, expected);
      return intact && expires * 1000 > now.getTime() ? orderId : null;
    },
  };
}

export type OrderLinks = ReturnType<typeof orderLinks>;

/**
 * Adds the signed order link to a guest's order messages at send time: a guest has no account to
 * sign in to, so the link is how they reach the order from the email.
 */
export function withOrderLink(publicUrl: string, links: OrderLinks, now: () => Date) {
  return (notification: Notification): Notification =>
    notification.guest && notification.data.orderId
      ? { ...notification, data: { ...notification.data, link: `${publicUrl}/orders/view?token=${links.sign(notification.data.orderId, now())}` } }
      : notification;
}
