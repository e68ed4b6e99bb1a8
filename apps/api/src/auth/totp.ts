import { createHash, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 codes (30 s steps, 6 digits) as authenticator apps make them; one step of drift allowed. */
export const totp = {
  newSecret: (): string => generateSecret(),
  uri: (secret: string, account: string): string => generateURI({ issuer: "BBSCART", label: account, secret }),
  /**
   * The time step (Unix seconds / 30) `code` belongs to, or null when it is not a current code.
   * Callers record the step so the same code, or an older one, is never accepted again.
   */
  async match(secret: string, code: string, now: Date): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
    // The TOTP variant of the result carries the matched step (the union also covers HOTP's).
    return result.valid && "timeStep" in result ? result.timeStep : null;
  },
  /** For tests and demos: the code an authenticator app would show at `now`. */
  codeAt: (secret: string, now: Date): Promise<string> => generate({ secret, epoch: Math.floor(now.getTime() / 1000) }),
};

/** How many recovery codes an enrolment issues. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * Single-use recovery codes: 10 random characters from a 31-letter alphabet without look-alikes
 * (about 50 bits each), shown as `xxxxx-xxxxx`. Only their hashes are stored; the code is random
 * enough that a plain SHA-256 cannot be reversed by guessing.
 */
export const recoveryCodes = {
  issue(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
  },
  /** The stored form of a code as typed (dash, spaces and case do not matter). */
  hash(code: string): string {
    return createHash("sha256").update(`recovery:${code.replace(/[\s-]/g, "").toLowerCase()}`).digest("base64url");
  },
};
