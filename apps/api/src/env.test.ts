import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, repoRoot } from "./env.js";

describe("parseEnv", () => {
  it("runs on the embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DEPLOYMENT: false,
      PORT: 3000,
      REDIS_URL: "redis://127.0.0.1:6379",
      DATA_DIR: path.join(repoRoot, "data"),
      SQLITE_SYNCHRONOUS: "FULL",
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
    expect(env.MONGODB_URI).toBeUndefined();
  });

  it("rejects a malformed PORT with one line naming the variable and the value", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/^Invalid configuration: PORT must be a whole number \(got "abc"\)$/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT must be at most 65535/);
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ REDIS_URL: "http://x", DEPLOYMENT: "yes" })).toThrow(
      /DEPLOYMENT must be "true" or "false" \(got "yes"\); REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//,
    );
  });

  it("makes DATA_DIR absolute so every process opens the same database", () => {
    expect(parseEnv({ DATA_DIR: "relative/data" }).DATA_DIR).toBe(path.resolve("relative/data"));
  });

  it("keeps metrics off by default and refuses to turn them on without a token", () => {
    expect(parseEnv({}).METRICS_ENABLED).toBe(false);
    expect(() => parseEnv({ METRICS_ENABLED: "true" })).toThrow("Invalid configuration: METRICS_TOKEN must be set when METRICS_ENABLED=true");
    expect(() => parseEnv({ METRICS_ENABLED: "true", METRICS_TOKEN: "short" })).toThrow("METRICS_TOKEN must be at least 16 characters");
    expect(parseEnv({ METRICS_ENABLED: "true", METRICS_TOKEN: "a-scrape-token-0123", METRICS_PORT: "9464" })).toMatchObject({ METRICS_ENABLED: true, METRICS_PORT: 9464 });
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ PORT: "", MONGODB_URI: "" })).toMatchObject({ PORT: 3000, MONGODB_URI: undefined });
  });

  it("accepts a MongoDB URI and drops a trailing slash from PUBLIC_URL", () => {
    const env = parseEnv({ MONGODB_URI: "mongodb://db:27017/bbscart?replicaSet=rs0", PUBLIC_URL: "https://shop.example/" });
    expect(env.MONGODB_URI).toBe("mongodb://db:27017/bbscart?replicaSet=rs0");
    expect(env.PUBLIC_URL).toBe("https://shop.example");
    expect(() => parseEnv({ MONGODB_URI: "postgres://x" })).toThrow(/MONGODB_URI must be a URL starting with mongodb:\/\//);
  });

  it("requires a payment provider in production and a key for Stripe, never choosing one by a missing key", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      'Invalid configuration: PAYMENT_PROVIDER must be "stripe", "razorpay" or "sandbox" (required when NODE_ENV=production)',
    );
    expect(parseEnv({ NODE_ENV: "production", PAYMENT_PROVIDER: "sandbox" }).PAYMENT_PROVIDER).toBe("sandbox");
    expect(parseEnv({}).PAYMENT_PROVIDER).toBe("sandbox");
    expect(() => parseEnv({ PAYMENT_PROVIDER: "stripe" })).toThrow("STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER=stripe");
    expect(parseEnv({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_abc123" }).PAYMENT_PROVIDER).toBe("stripe");
    expect(() => parseEnv({ PAYMENT_PROVIDER: "paypal" })).toThrow('PAYMENT_PROVIDER must be "stripe", "razorpay" or "sandbox" (got "paypal")');
    expect(() => parseEnv({ PAYMENT_PROVIDER: "razorpay", RAZORPAY_KEY_ID: "rzp_test_abc123" })).toThrow(
      "Invalid configuration: RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER=razorpay",
    );
    expect(() => parseEnv({ RAZORPAY_KEY_ID: "key_abc" })).toThrow("RAZORPAY_KEY_ID must be a Razorpay key id (rzp_test_… or rzp_live_…)");
    const razorpay = { PAYMENT_PROVIDER: "razorpay", RAZORPAY_KEY_ID: "rzp_test_abc123", RAZORPAY_KEY_SECRET: "secret-0123", RAZORPAY_WEBHOOK_SECRET: "whsecret-0123" };
    expect(parseEnv(razorpay).PAYMENT_PROVIDER).toBe("razorpay");
    expect(parseEnv({}).SANDBOX_FLAVOUR).toBe("stripe");
    expect(() => parseEnv({ SANDBOX_FLAVOUR: "paypal" })).toThrow('SANDBOX_FLAVOUR must be "stripe" or "razorpay" (got "paypal")');
  });
});
