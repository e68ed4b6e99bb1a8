import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { expect, inject } from "vitest";

/**
 * The first link matching `pattern` in an email to `to` that the journey server wrote to its
 * `mail/` folder (read as a mail client would: MIME parts decoded), once such an email exists.
 */
export async function linkInMail(to: string, pattern: RegExp): Promise<string> {
  const mailDir = path.join(inject("dataDir"), "mail");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((name) => name.endsWith(".eml")) : [];
        for (const file of files) {
          const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
          const recipients = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
          if (!recipients.some((address) => address.text.includes(to))) continue;
          link = pattern.exec(mail.text ?? "")?.[0];
          if (link) return true;
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return link!;
}
