import fs from "node:fs";
import path from "node:path";
import { expect, inject } from "vitest";

/**
 * The first link matching `pattern` in an email to `to` that the journey server's SMTP catcher wrote
 * to its `mail/` folder (quoted-printable decoded), once such an email exists.
 */
export async function linkInMail(to: string, pattern: RegExp): Promise<string> {
  const mailDir = path.join(inject("dataDir"), "mail");
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((name) => name.endsWith(".eml")) : [];
        for (const file of files) {
          const raw = fs.readFileSync(path.join(mailDir, file), "utf8");
          if (!raw.includes(to)) continue;
          const text = raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
          link = pattern.exec(text)?.[0];
          if (link) return true;
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return link!;
}
