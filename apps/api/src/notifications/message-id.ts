import type { OutgoingMessage } from "@bbscart/core";
import type { SendMailOptions } from "nodemailer";
import { bullJobId } from "../jobs/queues.js";

/**
 * The `Message-ID` header of an outbox message, and so its idempotency key at the receiving end:
 * derived from the outbox id alone, so every copy a crash may repeat carries the same one. `:` is
 * not allowed there (RFC 5322 dot-atom), so it becomes `-` as in the message's job id.
 */
export function messageIdHeader(outboxId: string): string {
  return `<${bullJobId(outboxId)}@bbscart>`;
}

/** An outbox email as nodemailer composes it, for SMTP and for the `.eml` files alike. */
export function mailOptions(message: OutgoingMessage, from: string): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject ?? "",
    text: message.body,
    ...(message.html ? { html: message.html } : {}),
    messageId: messageIdHeader(message.messageId),
  };
}
