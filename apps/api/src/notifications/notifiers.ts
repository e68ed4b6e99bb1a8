import path from "node:path";
import type { Notifier, OutgoingMessage } from "@bbscart/core";
import type { Env } from "../env.js";
import { FileNotifier } from "./file-notifier.js";
import { HttpSmsNotifier } from "./sms-notifier.js";
import { SmtpNotifier } from "./smtp-notifier.js";

export interface ChannelNotifier extends Notifier {
  /** Releases the SMTP connection pool, if any. */
  close(): void;
}

export type NotifierEnv = Pick<Env, "DATA_DIR" | "MAIL_FROM" | "SMTP_URL" | "SMS_URL" | "SMS_TOKEN">;

/**
 * The worker's transport per channel, chosen by configuration: SMTP when `SMTP_URL` is set, the
 * SMS provider when `SMS_URL` is; otherwise files under `DATA_DIR/mail`, so a fresh machine still
 * shows every message sent.
 */
export function notifierFor(env: NotifierEnv): ChannelNotifier {
  const files = new FileNotifier(path.join(env.DATA_DIR, "mail"), env.MAIL_FROM);
  const smtp = env.SMTP_URL ? new SmtpNotifier(env.SMTP_URL, env.MAIL_FROM) : null;
  const sms = env.SMS_URL ? new HttpSmsNotifier(env.SMS_URL, env.SMS_TOKEN) : files;
  return {
    send: (message: OutgoingMessage) => (message.channel === "email" ? (smtp ?? files) : sms).send(message),
    close: () => smtp?.close(),
  };
}
