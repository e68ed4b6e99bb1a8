import { describe, expect, it } from "vitest";
import { parseEnv } from "../env.js";
import { databaseOptions } from "./database.js";

describe("databaseOptions", () => {
  it("detects a write lock taken from inside a unit of work in development and tests, not in production (decision 180)", () => {
    const detects = (NODE_ENV: string) => databaseOptions(parseEnv({ NODE_ENV, PAYMENT_PROVIDER: "sandbox" }), null).sqliteDetectLockReentry;
    expect(detects("development")).toBe(true);
    expect(detects("test")).toBe(true);
    expect(detects("production")).toBe(false);
  });
});
