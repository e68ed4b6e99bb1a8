import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../../test/temp-dir.js";
import { MissingSecretError, resolveSecrets } from "./secrets.js";

const tempDir = useTempDirs();
const local = (dataDir: string, extra: { JWT_SECRET?: string; STRIPE_WEBHOOK_SECRET?: string; TOTP_ENCRYPTION_SECRET?: string } = {}) => ({
  DEPLOYMENT: false,
  DATA_DIR: dataDir,
  JWT_SECRET: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  TOTP_ENCRYPTION_SECRET: undefined,
  ...extra,
});

describe("resolveSecrets", () => {
  it("generates missing secrets once into DATA_DIR/secrets.json, readable by the owner only", () => {
    const dataDir = tempDir();
    const notices: string[] = [];
    const first = resolveSecrets(local(dataDir), (line) => notices.push(line));
    const file = path.join(dataDir, "secrets.json");

    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.webhookSecret).toMatch(/^whsec_/);
    expect(first.totpSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.totpSecret).not.toBe(first.jwtSecret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(notices).toEqual([expect.stringContaining("Generated JWT_SECRET, STRIPE_WEBHOOK_SECRET, TOTP_ENCRYPTION_SECRET")]);

    const again = resolveSecrets(local(dataDir), (line) => notices.push(line));
    expect(again).toEqual(first);
    expect(notices).toHaveLength(1);
  });

  it("prefers the environment and writes nothing when every secret is set", () => {
    const dataDir = tempDir();
    const secrets = resolveSecrets(
      local(dataDir, { JWT_SECRET: "j".repeat(40), STRIPE_WEBHOOK_SECRET: "whsec_fromenvironment", TOTP_ENCRYPTION_SECRET: "t".repeat(40) }),
      () => undefined,
    );
    expect(secrets).toEqual({ jwtSecret: "j".repeat(40), webhookSecret: "whsec_fromenvironment", totpSecret: "t".repeat(40) });
    expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
  });

  it("adds a newly needed secret to an existing file without changing the ones in it", () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ jwtSecret: "kept".repeat(10) }), { mode: 0o600 });
    const secrets = resolveSecrets(local(dataDir), () => undefined);
    expect(secrets.jwtSecret).toBe("kept".repeat(10));
    expect(secrets.webhookSecret).toMatch(/^whsec_/);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"))).toEqual(secrets);
  });

  it("refuses to generate in a deployment, naming each missing variable", () => {
    const dataDir = tempDir();
    expect(() =>
      resolveSecrets({ ...local(dataDir, { JWT_SECRET: "j".repeat(40) }), DEPLOYMENT: true }, () => undefined),
    ).toThrow(new MissingSecretError("Missing secret: set STRIPE_WEBHOOK_SECRET and TOTP_ENCRYPTION_SECRET (required when DEPLOYMENT=true)"));
    expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
  });
});
