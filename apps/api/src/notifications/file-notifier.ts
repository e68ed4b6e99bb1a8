import fs from "node:fs/promises";
import path from "node:path";
import type { Notifier, OutgoingMessage } from "@bbscart/core";
import nodemailer, { type Transporter } from "nodemailer";
import { mailOptions } from "./message-id.js";

/**
 * Delivery without an SMTP server or SMS provider: each message becomes a file under
 * `DATA_DIR/mail` (`.eml` for email, `.sms.txt` for SMS), named by its message id, so a resend
 * after a crash rewrites the same file instead of adding a second one. The `.eml` is composed by
 * the same library as the SMTP path (multipart text + HTML), so any mail client opens it.
 */
export class FileNotifier implements Notifier {
  private readonly composer: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

  constructor(private readonly dir: string, private readonly from: string) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    await fs.mkdir(this.dir, { recursive: true });
    const safeId = message.messageId.replace(/[^A-Za-z0-9._-]/g, "_");
    const file = path.join(this.dir, message.channel === "email" ? `${safeId}.eml` : `${safeId}.sms.txt`);
    await fs.writeFile(file, message.channel === "email" ? await this.compose(message) : `To: ${message.to}\n\n${message.body}\n`);
    return { providerMessageId: path.basename(file) };
  }

  private async compose(message: OutgoingMessage): Promise<Buffer> {
    const info = (await this.composer.sendMail(mailOptions(message, this.from))) as { message: Buffer };
    return info.message;
  }
}
