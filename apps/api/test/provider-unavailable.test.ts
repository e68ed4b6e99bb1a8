import { PaymentProviderUnavailableError } from "@bbscart/core";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { SandboxStore } from "../src/providers/sandbox/store.js";
import { toTRPCError } from "../src/trpc/to-trpc-error.js";
import { freePort } from "./own-redis.js";

const clients: Redis[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

describe("a payment provider that cannot be reached", () => {
  it("is reported by the sandbox as unavailable, not as a bug, while its Redis is down", async () => {
    const redis = new Redis({ port: await freePort(), host: "127.0.0.1", lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    clients.push(redis);
    const store = new SandboxStore(redis, "provider-unavailable-test");
    await expect(store.find("pi_1")).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(store.refund("pi_1", "refund:r1", 100, "re_1")).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
  });

  it("answers 503 (try again), while any other failure stays a generic 500", () => {
    const unavailable = toTRPCError(new PaymentProviderUnavailableError("unreachable"));
    expect(unavailable.code).toBe("SERVICE_UNAVAILABLE");
    expect(getHTTPStatusCodeFromError(unavailable)).toBe(503);
    expect(unavailable.message).toMatch(/try again/);
    expect(getHTTPStatusCodeFromError(toTRPCError(new Error("boom")))).toBe(500);
  });
});
