import { randomBytes } from "node:crypto";
import argon2 from "argon2";

/** OWASP's argon2id recommendation: 19 MiB of memory, 2 passes, 1 lane. */
export const argon2Options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argon2Options);
}

// A real hash of a password nobody knows, verified when the email is unknown, so a failed login
// costs the same time whether or not the account exists.
let decoy: Promise<string> | undefined;

/** Verifies `password` against `hash`, or against a decoy when there is no account (always false). */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    decoy ??= hashPassword(randomBytes(16).toString("hex"));
    await argon2.verify(await decoy, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a data problem, not a reason to let anyone in.
    return false;
  }
}
