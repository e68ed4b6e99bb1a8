import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect, inject } from "vitest";

/**
 * The first email the journey server wrote to its `mail/` folder for which `pick` gives a value
 * (read as a mail client would: MIME parts decoded), and that value, once such an email exists.
 */
export async function fromMail<T>(pick: (mail: ParsedMail) => T | undefined): Promise<T> {
  const mailDir = path.join(inject("dataDir"), "mail");
  let found: T | undefined;
  await expect
    .poll(
      async () => {
        const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((name) => name.endsWith(".eml")) : [];
        for (const file of files) {
          found = pick(await simpleParser(fs.readFileSync(path.join(mailDir, file))));
          if (found !== undefined) return true;
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link matching `pattern` in an email to `to`, once such an email exists. */
export function linkInMail(to: string, pattern: RegExp): Promise<string> {
  return fromMail((mail) => {
    const recipients = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
    return recipients.some((address) => address.text.includes(to)) ? pattern.exec(mail.text ?? "")?.[0] : undefined;
  });
}
