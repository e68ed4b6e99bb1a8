import fs from "node:fs/promises";
import path from "node:path";
import type { Notifier, OutgoingMessage } from "@bbscart/core";
import { messageIdHeader } from "./message-id.js";

/**
 * Delivery without an SMTP server or SMS provider: each message becomes a file under
 * `DATA_DIR/mail` (`.eml` for email, `.sms.txt` for SMS), named by its message id, so a resend
 * after a crash rewrites the same file instead of adding a second one.
 */
export class FileNotifier implements Notifier {
  constructor(private readonly dir: string, private readonly from: string) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    await fs.mkdir(this.dir, { recursive: true });
    const safeId = message.messageId.replace(/[^A-Za-z0-9._-]/g, "_");
    const file = path.join(this.dir, message.channel === "email" ? `${safeId}.eml` : `${safeId}.sms.txt`);
    const content =
      message.channel === "email"
        ? [
            `Message-ID: ${messageIdHeader(message.messageId)}`,
            `From: ${this.from}`,
            `To: ${message.to}`,
            `Subject: ${message.subject ?? ""}`,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            message.body,
          ].join("\r\n")
        : `To: ${message.to}\n\n${message.body}\n`;
    await fs.writeFile(file, content);
    return { providerMessageId: path.basename(file) };
  }
}
