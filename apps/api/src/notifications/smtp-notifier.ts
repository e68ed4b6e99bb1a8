import type { Notifier, OutgoingMessage } from "@bbscart/core";
import nodemailer, { type Transporter } from "nodemailer";
import { mailOptions } from "./message-id.js";

/**
 * Email over SMTP with nodemailer. The `Message-ID` is the outbox message's, never one nodemailer
 * makes up, so the one resend a crash can cause (after the server accepted, before we recorded it)
 * is recognisably the same message.
 */
export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    // Pooled: a connection (and its greeting and TLS handshake) per message capped delivery at about
    // ten emails a second in the fault drill. `?pool=false` in SMTP_URL still opens one per message.
    this.transport = nodemailer.createTransport({ url: smtpUrl, pool: true });
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const info = await this.transport.sendMail(mailOptions(message, this.from));
    return { providerMessageId: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}
