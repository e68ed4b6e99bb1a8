import type { Notifier, OutgoingMessage } from "@bbscart/core";
import { messageIdHeader } from "./message-id.js";

/** How long one call to the SMS provider may take before the attempt counts as failed and is retried. */
const TIMEOUT_MS = 10_000;

/**
 * SMS through an HTTP provider: one JSON POST `{ to, body, messageId }` with a bearer token. The
 * message id travels as the body's `messageId` and as the `Idempotency-Key` header, so a provider
 * that honours it drops the repeat a crash may cause. Anything but 2xx is a failed attempt.
 */
export class HttpSmsNotifier implements Notifier {
  constructor(private readonly url: string, private readonly token: string | undefined) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const messageId = messageIdHeader(message.messageId);
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": messageId,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: message.to, body: message.body, messageId }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}: ${text.slice(0, 200)}`);
    return { providerMessageId: providerId(text) ?? messageId };
  }
}

/** The provider's own id for the message, when its answer is JSON with an `id`; the send succeeded either way. */
function providerId(answer: string): string | null {
  try {
    const id = (JSON.parse(answer) as { id?: unknown } | null)?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}
