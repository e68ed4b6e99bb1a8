import { generate, generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 codes (30 s steps, 6 digits) as authenticator apps make them; one step of drift allowed. */
export const totp = {
  newSecret: (): string => generateSecret(),
  uri: (secret: string, account: string): string => generateURI({ issuer: "BBSCART", label: account, secret }),
  async check(secret: string, code: string, now: Date): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
    return result.valid;
  },
  /** For tests and demos: the code an authenticator app would show at `now`. */
  codeAt: (secret: string, now: Date): Promise<string> => generate({ secret, epoch: Math.floor(now.getTime() / 1000) }),
};
