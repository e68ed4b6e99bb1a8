import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "../env.js";
import { StartupError } from "../lifecycle/startup-error.js";

/** Secrets every process of one installation must share (API and worker sign and verify with them). */
export interface Secrets {
  jwtSecret: string;
  webhookSecret: string;
  /** The key material TOTP secrets are sealed with at rest (HKDF derives the AES key from it). */
  totpSecret: string;
}

type SecretName = keyof Secrets;

type SecretVariable = "JWT_SECRET" | "STRIPE_WEBHOOK_SECRET" | "TOTP_ENCRYPTION_SECRET";

const sources: Record<SecretName, { variable: SecretVariable; generate: () => string }> = {
  jwtSecret: { variable: "JWT_SECRET", generate: () => randomBytes(48).toString("base64url") },
  webhookSecret: { variable: "STRIPE_WEBHOOK_SECRET", generate: () => `whsec_${randomBytes(32).toString("base64")}` },
  totpSecret: { variable: "TOTP_ENCRYPTION_SECRET", generate: () => randomBytes(48).toString("base64url") },
};

export class MissingSecretError extends StartupError {
  override name = "MissingSecretError";
}

export const secretsFileName = "secrets.json";

/**
 * Secrets come from the environment. Outside a deployment (`DEPLOYMENT=false`), one that is unset is
 * generated once into `DATA_DIR/secrets.json` (mode 0600) and reused by every later process, so a
 * restart keeps sessions valid and never falls back to a hard-coded default. In a deployment an
 * unset secret stops start-up with a line naming the variable.
 */
export function resolveSecrets(
  env: Pick<Env, "DEPLOYMENT" | "DATA_DIR" | SecretVariable>,
  notice: (message: string) => void,
): Secrets {
  const names = Object.keys(sources) as SecretName[];
  const fromEnv = (name: SecretName) => env[sources[name].variable];
  const missing = names.filter((name) => fromEnv(name) === undefined);
  if (missing.length > 0 && env.DEPLOYMENT) {
    throw new MissingSecretError(
      `Missing secret: set ${missing.map((name) => sources[name].variable).join(" and ")} (required when DEPLOYMENT=true)`,
    );
  }
  const stored = missing.length > 0 ? storedSecrets(env.DATA_DIR, missing, notice) : {};
  const pick = (name: SecretName): string => {
    const value = fromEnv(name) ?? stored[name];
    if (value === undefined) throw new Error(`secret ${name} was neither set nor generated`);
    return value;
  };
  return { jwtSecret: pick("jwtSecret"), webhookSecret: pick("webhookSecret"), totpSecret: pick("totpSecret") };
}

function storedSecrets(dataDir: string, wanted: SecretName[], notice: (message: string) => void): Partial<Secrets> {
  const file = path.join(dataDir, secretsFileName);
  const existing = readSecretsFile(file);
  const absent = wanted.filter((name) => typeof existing[name] !== "string");
  if (absent.length === 0) return existing;

  const next: Partial<Secrets> = { ...existing };
  for (const name of absent) next[name] = sources[name].generate();
  fs.mkdirSync(dataDir, { recursive: true });
  // Write aside, then link into place: link fails if another process (the worker starting beside the
  // API) created the file first, and then both use that one; nobody ever reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  try {
    if (Object.keys(existing).length > 0) fs.renameSync(temp, file);
    else fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return storedSecrets(dataDir, wanted, notice);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  notice(
    `Generated ${absent.map((name) => sources[name].variable).join(", ")} into ${file}; ` +
      "set them in the environment for a deployment.",
  );
  return next;
}

function readSecretsFile(file: string): Partial<Secrets> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) throw new MissingSecretError(`${file} is not a JSON object`);
  return parsed;
}
