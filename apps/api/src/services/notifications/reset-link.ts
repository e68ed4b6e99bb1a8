import type { Notification } from "@bbscart/core";
import { resetTokenFor } from "../../auth/tokens.js";

/**
 * Adds the reset link to a password-reset notification at send time. The outbox stores only the
 * reset id; the token is derived from it with the shared secret, so no usable token rests in the
 * database or the queue.
 */
export function withResetLink(publicUrl: string, secret: string) {
  return (notification: Notification): Notification =>
    notification.template === "password_reset" && notification.data.resetId
      ? { ...notification, data: { ...notification.data, link: `${publicUrl}/reset-password?token=${resetTokenFor(notification.data.resetId, secret)}` } }
      : notification;
}
